"""Hidden tests for median-of-two-sorted-arrays."""

from mlkata.judge.api import Rand, call, test


def sorted_ints(r, n, low, high):
    return sorted(r.py.randint(low, high) for _ in range(n))


@test
def odd_total_length(f):
    # 4 + 5 values that interleave: merged 1 2 3 4 [5] 9 10 11 15, the median is 5.
    return call(f, [1, 4, 9, 15], [2, 3, 5, 10, 11])


@test
def even_total_length(f):
    # 3 + 5 values; the two middle ones are 4 and 7: the median is 5.5 (5 with integer division).
    return call(f, [0, 4, 8], [1, 2, 7, 9, 10])


@test
def one_array_empty(f):
    return {
        "nums1 empty": call(f, [], [2, 3, 5, 8, 13]),
        "nums2 empty": call(f, [-1, 4, 6, 9], []),
        "a single value": call(f, [], [7]),
    }


@test
def both_single_elements(f):
    return {
        "larger first": call(f, [5], [2]),
        "equal": call(f, [4], [4]),
    }


@test
def duplicates(f):
    r = Rand(5)
    return {
        "many repeats": call(f, sorted_ints(r, 9, 0, 3), sorted_ints(r, 6, 0, 3)),
        "all equal": call(f, [2, 2, 2], [2, 2, 2, 2]),
        "repeats across arrays": call(f, [1, 3, 3, 3], [3, 3, 8]),
    }


@test
def negative_numbers(f):
    # Middle values -8 and -5: the median is -6.5 (floor division would give -7).
    return {
        "even": call(f, [-20, -8, -3], [-15, -11, -5, -4, -1]),
        "odd": call(f, [-9, -2], [-30, -7, -6]),
    }


@test
def disjoint_ranges(f):
    r = Rand(7)
    low, high = sorted_ints(r, 5, -50, 0), sorted_ints(r, 8, 10, 60)
    return {
        "nums1 below nums2": call(f, low, high),
        "nums1 above nums2": call(f, high, low),
        "touching": call(f, [1, 2, 3], [3, 4, 5, 6]),
    }


@test
def interleaved(f):
    r = Rand(8)
    evens, odds = list(range(0, 100, 2)), list(range(1, 103, 2))
    return {
        "evens and odds": call(f, evens, odds),
        "random": call(f, sorted_ints(r, 31, -1000, 1000), sorted_ints(r, 44, -1000, 1000)),
    }


@test
def large_arrays_within_time_limit(f):
    # 3 * 10^5 values each, interleaved almost all the way. The inputs take milliseconds to build, so the
    # time is the solution's: a linear merge or a binary search passes with room to spare, a merge
    # that shifts a list for every value (list.pop(0)) is O((m+n)^2) and runs out of time.
    a = list(range(-400_000, 500_000, 3))
    b = list(range(-499_999, 400_000, 3))
    return call(f, a, b)
