"""Hidden tests for kth-largest-element (pure Python).

`sorted`, `heapq.nlargest` and `heapq.nsmallest` are blocked by the judge (problem.toml);
`list.sort` cannot be blocked that way, so the first test watches for it with a profiler.
"""

import sys

from mlkata.judge.api import Rand, call, require, test


def _no_sorting(expected, got):
    require(
        not got["list.sort calls"],
        f"{got['result']['call']}: called list.sort() {got['list.sort calls']} time(s); "
        "sorting is what this problem asks you to avoid: use quickselect or a heap of size k",
    )


@test(check=_no_sorting)
def does_not_sort_the_input(kth):
    # Only checks that list.sort is never called; the answers are checked by the tests below.
    r = Rand(1).py
    nums = r.sample(range(-500, 500), 60)
    calls = []

    def watch(frame, event, arg):
        if event == "c_call" and getattr(arg, "__name__", "") == "sort":
            owner = getattr(arg, "__self__", None)
            if isinstance(owner, list) or getattr(arg, "__objclass__", None) is list:
                calls.append(1)

    sys.setprofile(watch)
    try:
        result = call(kth, nums, 17)
    finally:
        sys.setprofile(None)
    return {"result": result, "list.sort calls": len(calls)}


@test
def classic_examples(kth):
    return [
        call(kth, [3, 2, 1, 5, 6, 4], 2),
        call(kth, [7, -2, 10, 4], 3),
        call(kth, [1], 1),
    ]


@test
def duplicates_count_separately(kth):
    # The k-th largest in sorted order, not the k-th largest distinct value.
    return [
        call(kth, [3, 2, 3, 1, 2, 4, 5, 5, 6], 4),
        call(kth, [5, 5, 5, 1], 3),
        call(kth, [2, 1, 2, 2], 4),
        call(kth, [9, 9, 8, 8, 7], 3),
    ]


@test
def k_is_one_or_n_with_negatives(kth):
    nums = [-4, -17, -1, -9, -30, -2]
    return [call(kth, nums, 1), call(kth, nums, 6), call(kth, [0, -1, 1], 2)]


@test
def random_small_lists(kth):
    r = Rand(5).py
    calls = []
    for _ in range(60):
        nums = [r.randint(-20, 20) for _ in range(r.randint(1, 25))]
        calls.append(call(kth, nums, r.randint(1, len(nums))))
    return calls


@test
def large_random_input(kth):
    r = Rand(6).py
    nums = [r.randint(-10**9, 10**9) for _ in range(50_000)]
    return [call(kth, nums, 1), call(kth, nums, 12_345), call(kth, nums, 50_000)]


@test
def large_sorted_input(kth):
    # Sorted and reverse-sorted: a fixed first- or last-element pivot makes quickselect O(n^2).
    ascending = list(range(50_000))
    return [call(kth, ascending, 25_000), call(kth, ascending[::-1], 25_000)]


@test
def large_input_with_few_distinct_values(kth):
    # All equal, then three values: a two-way partition (Lomuto) makes no progress on equal values.
    r = Rand(8).py
    return [call(kth, [7] * 50_000, 20_000), call(kth, [r.choice((1, 2, 3)) for _ in range(50_000)], 30_000)]


@test
def values_at_both_ends_of_the_range(kth):
    # -10^9 and 10^9 are both allowed values: the answer can be either bound itself.
    nums = [10**9, -(10**9), 10**9, 0, -(10**9), 5]
    return [call(kth, nums, 1), call(kth, nums, 2), call(kth, nums, 6), call(kth, [-(10**9)], 1)]
