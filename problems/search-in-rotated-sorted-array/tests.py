"""Hidden tests for search-in-rotated-sorted-array."""

import copy

from mlkata.judge.api import Rand, call, require, same, test


def rotated(values, k):
    """values (ascending) rotated at index k."""
    return values[k:] + values[:k]


@test
def classic_examples(search):
    return [
        call(search, [4, 5, 6, 7, 0, 1, 2], 0),
        call(search, [4, 5, 6, 7, 0, 1, 2], 3),
        call(search, [1], 0),
        call(search, [5, 1, 3], 5),
    ]


@test
def every_value_at_every_rotation(search):
    # Every target of [1, 3, ..., 15] (8 values) and of 7 values, at every rotation k.
    calls = []
    for values in ([1, 3, 5, 7, 9, 11, 13, 15], [2, 4, 6, 8, 10, 12, 14]):
        for k in range(len(values)):
            nums = rotated(values, k)
            calls += [call(search, nums, t) for t in values]
    return calls


@test
def absent_targets_return_minus_one(search):
    # Below every value, above every value and in every gap, at every rotation.
    calls = []
    values = [1, 3, 5, 7, 9, 11, 13]
    for k in range(len(values)):
        nums = rotated(values, k)
        calls += [call(search, nums, t) for t in (0, 2, 6, 10, 12, 14, 100)]
    return calls


@test
def not_rotated(search):
    values = [-5, -2, 0, 3, 8, 13]
    return [call(search, values, t) for t in values + [-6, 1, 14]]


@test
def one_and_two_values(search):
    return [
        call(search, [7], 7),
        call(search, [7], 8),
        call(search, [3, 1], 1),
        call(search, [3, 1], 3),
        call(search, [1, 3], 3),
        call(search, [1, 3], 1),
        call(search, [3, 1], 2),
        call(search, [1, 3], 0),
    ]


@test
def extreme_values(search):
    big = 10**9
    nums = [big - 1, big, -big, -big + 1, 0]
    return [call(search, nums, t) for t in (big, -big, 0, big - 1, -big + 1, 1, -big + 2)]


@test
def random_small_cases(search):
    r = Rand(33).py
    calls = []
    for _ in range(120):
        values = sorted(r.sample(range(-50, 51), r.randint(1, 12)))
        nums = rotated(values, r.randrange(len(values)))
        calls.append(call(search, nums, r.choice(values) if r.random() < 0.7 else r.randint(-55, 55)))
    return calls


def _input_unchanged(expected, got):
    same(expected["returned"], got["returned"], "search(nums, target)")
    require(
        got["nums after the calls"] == got["nums before the calls"],
        f"search modified its argument: nums was {got['nums before the calls']} before the calls and "
        f"{got['nums after the calls']} after them (search it as it is)",
    )


@test(check=_input_unchanged)
def input_is_not_modified(search):
    # Called on the list itself (not a copy).
    nums = [6, 8, 9, 1, 2, 4]
    before = copy.deepcopy(nums)
    returned = [search(nums, t) for t in (1, 9, 5, 6)]
    return {"returned": returned, "nums before the calls": before, "nums after the calls": nums}


@test
def many_queries_within_time_limit(search):
    # 5000 searches in one list of 2 * 10^5 values (rotated at k = 123457), called on the list
    # itself: a linear scan is ~5 * 10^8 comparisons, binary search ~10^5 steps.
    n = 200_000
    _nums = list(range(123_457, n)) + list(range(0, 123_457))
    _nums = [2 * x for x in _nums]  # even values: odd targets are absent
    r = Rand(34).py
    targets = [r.randrange(2 * n + 2) for _ in range(5000)]
    return [search(_nums, t) for t in targets]
