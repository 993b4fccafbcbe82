"""Hidden tests for top-k-frequent-elements."""

from mlkata.judge.api import Rand, call, test


@test
def classic_examples(top_k_frequent):
    return [
        call(top_k_frequent, [1, 1, 1, 2, 2, 3], 2),
        call(top_k_frequent, [4, 4, 4, 6, 6, 5, 5, 5, 5], 2),
        call(top_k_frequent, [1], 1),
        call(top_k_frequent, [7, 3, 7, 9, 3, 7], 1),
    ]


@test
def most_frequent_first(top_k_frequent):
    # The counts decide the order, not the values or where they first appear.
    return [
        call(top_k_frequent, [3, 1, 2, 2, 3, 3], 3),
        call(top_k_frequent, [9, 8, 8, 7, 7, 7, 6, 6, 6, 6], 4),
        call(top_k_frequent, [2, 5, 5, 2, 5, 1, 1, 1, 1], 2),
    ]


@test
def ties_broken_by_smaller_value(top_k_frequent):
    # Equal counts: the smaller value comes first and wins the last places of the top k.
    return [
        call(top_k_frequent, [1, 2, 3, 4], 2),
        call(top_k_frequent, [4, 3, 2, 1], 2),
        call(top_k_frequent, [3, 3, 1, 2, 2], 2),
        call(top_k_frequent, [5, 5, 9, 9, 2, 2, 8], 2),
        call(top_k_frequent, [6, 6, 6, 4, 4, 9, 9, 1], 2),
    ]


@test
def negative_values_and_range_ends(top_k_frequent):
    return [
        call(top_k_frequent, [-1, -1, 7, 7, 0], 3),
        call(top_k_frequent, [-10000, 10000, 10000, -10000, -10000, -3], 2),
        call(top_k_frequent, [-5, -6, -5, -6, -7], 3),
    ]


@test
def k_equals_number_of_distinct_values(top_k_frequent):
    return [
        call(top_k_frequent, [2, 2, 3, 1, 1, 1], 3),
        call(top_k_frequent, [4, 4, 4, 4], 1),
        call(top_k_frequent, [8, 6, 7, 5, 3, 0, 9], 7),
    ]


@test
def random_small_lists(top_k_frequent):
    r = Rand(5).py
    calls = []
    for _ in range(100):
        nums = [r.randint(-6, 6) for _ in range(r.randint(1, 30))]
        calls.append(call(top_k_frequent, nums, r.randint(1, len(set(nums)))))
    return calls


@test
def large_input_within_time_limit(top_k_frequent):
    # 10^5 values over the whole range [-10^4, 10^4]: about 2 * 10^4 distinct values.
    r = Rand(6).py
    nums = [r.randint(-10_000, 10_000) for _ in range(100_000)]
    return [call(top_k_frequent, nums, 10), call(top_k_frequent, nums, 5000)]
