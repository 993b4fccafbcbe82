"""Hidden tests for sliding-window-maximum."""

from mlkata.judge.api import Rand, call, test


@test
def classic_examples(max_sliding_window):
    return [
        call(max_sliding_window, [1, 3, -1, -3, 5, 3, 6, 7], 3),
        call(max_sliding_window, [9, 11], 2),
        call(max_sliding_window, [1, 3, 1, 2, 0, 5], 3),
        call(max_sliding_window, [7, 2, 4, 6, 1, 8, 3, 0, 5], 4),
    ]


@test
def window_of_one(max_sliding_window):
    return [
        call(max_sliding_window, [1], 1),
        call(max_sliding_window, [4, -2], 1),
        call(max_sliding_window, [3, 1, 4, 1, 5, 9, 2, 6], 1),
    ]


@test
def window_of_whole_list(max_sliding_window):
    return [
        call(max_sliding_window, [4, -2, 8, 1], 4),
        call(max_sliding_window, [-5, -1, -3], 3),
        call(max_sliding_window, [2, 2], 2),
    ]


@test
def repeated_values(max_sliding_window):
    # Equal values: the maximum leaves the window only when its last copy does.
    return [
        call(max_sliding_window, [5, 5, 1, 1], 2),
        call(max_sliding_window, [4, 4, 4, 1, 4], 2),
        call(max_sliding_window, [7, 2, 7, 2, 2, 2, 7], 3),
        call(max_sliding_window, [3, 3, 3, 3, 3], 3),
        call(max_sliding_window, [1, 9, 9, 1, 1, 1, 1], 3),
    ]


@test
def increasing_and_decreasing_runs(max_sliding_window):
    return [
        call(max_sliding_window, list(range(10)), 3),
        call(max_sliding_window, list(range(10, 0, -1)), 3),
        call(max_sliding_window, [1, 2, 3, 4, 3, 2, 1, 2, 3, 4], 4),
    ]


@test
def negative_values_and_range_ends(max_sliding_window):
    return [
        call(max_sliding_window, [-10000, -10000, -9999, -10000], 2),
        call(max_sliding_window, [-3, -7, -1, -8, -2], 2),
        call(max_sliding_window, [10000, -10000, 10000, -10000], 3),
    ]


@test
def random_small_lists(max_sliding_window):
    r = Rand(5).py
    calls = []
    for _ in range(100):
        nums = [r.randint(-5, 5) for _ in range(r.randint(1, 25))]
        calls.append(call(max_sliding_window, nums, r.randint(1, len(nums))))
    return calls


@test
def large_input_within_time_limit(max_sliding_window):
    # n = 10^5, k = 5 * 10^4: max() over every window is ~2.5 * 10^9 comparisons.
    r = Rand(6).py
    n = 100_000
    return [
        call(max_sliding_window, [r.randint(-10_000, 10_000) for _ in range(n)], 50_000),
        call(max_sliding_window, [10_000 - i // 5 for i in range(n)], 50_000),
    ]
