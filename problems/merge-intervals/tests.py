"""Hidden tests for merge-intervals."""

import copy

from mlkata.judge.api import Rand, call, require, same, short, test


def random_intervals(r, n, low, high, max_len):
    out = []
    for _ in range(n):
        start = r.randint(low, high)
        out.append([start, start + r.randint(0, max_len)])
    return out


@test
def classic_examples(merge):
    return [
        call(merge, [[1, 3], [2, 6], [8, 10], [15, 18]]),
        call(merge, [[1, 3], [5, 7], [6, 9]]),
        call(merge, [[1, 4], [2, 5], [7, 9], [8, 12]]),
    ]


@test
def unsorted_input(merge):
    return [
        call(merge, [[8, 10], [1, 3], [2, 6]]),
        call(merge, [[15, 18], [8, 10], [1, 3]]),
        call(merge, [[5, 7], [1, 2], [6, 9], [-1, 0], [3, 4]]),
    ]


@test
def touching_intervals_merge(merge):
    return [
        call(merge, [[1, 2], [2, 3]]),
        call(merge, [[1, 4], [4, 5], [6, 6], [6, 8]]),
        call(merge, [[5, 5], [5, 5]]),
        call(merge, [[1, 2], [3, 4]]),  # no shared point: stays two intervals
    ]


@test
def nested_intervals(merge):
    return [
        call(merge, [[1, 10], [2, 3], [4, 5]]),
        call(merge, [[2, 3], [1, 10], [9, 10]]),
        call(merge, [[1, 4], [2, 3], [6, 7]]),
        call(merge, [[0, 0], [-5, 5], [1, 1]]),
    ]


@test
def empty_single_and_negative(merge):
    return [
        call(merge, []),
        call(merge, [[4, 4]]),
        call(merge, [[-3, -1], [-10, -4], [-1, 2]]),
        call(merge, [[-1000000000, 1000000000], [0, 1]]),
    ]


def _input_unchanged(expected, got):
    same(expected["returned"], got["returned"], "merge_intervals(intervals)")
    require(
        got["intervals after the call"] == got["intervals before the call"],
        "merge_intervals modified its argument: intervals was "
        f"{short(got['intervals before the call'], 120)} before the call and "
        f"{short(got['intervals after the call'], 120)} after it (sort a copy and build new lists)",
    )


@test(check=_input_unchanged)
def input_is_not_modified(merge):
    # Called on the list itself (not a copy): the caller's list and inner lists must not change.
    intervals = [[6, 8], [1, 3], [7, 9], [2, 5], [12, 12], [10, 12]]
    before = copy.deepcopy(intervals)
    returned = merge(intervals)
    return {"returned": returned, "intervals before the call": before, "intervals after the call": intervals}


@test
def random_small_cases(merge):
    r = Rand(6).py
    return [call(merge, random_intervals(r, r.randint(1, 12), -20, 20, 6)) for _ in range(60)]


@test
def large_input_within_time_limit(merge):
    # 2*10^4 short intervals over a wide range: most stay disjoint, so comparing every interval
    # with every merged interval is quadratic.
    r = Rand(8).py
    return call(merge, random_intervals(r, 20_000, -(10**9), 10**9 - 2000, 2000))


def _new_objects(expected, got):
    same(expected["returned"], got["returned"], "merge_intervals(intervals)")
    for case, shared in got["shares objects with the argument"].items():
        require(
            not shared,
            f"merge_intervals({case}) returned the argument itself or one of its inner lists: "
            "return a new list of new [start, end] lists (the caller may change either afterwards)",
        )


@test(check=_new_objects)
def result_is_a_new_list(merge):
    # Called on the lists themselves (not copies), with nothing to merge: the result must still
    # be new objects.
    cases = {"[]": [], "[[4, 7]]": [[4, 7]], "[[1, 2], [5, 6]]": [[1, 2], [5, 6]]}
    returned, shared = [], {}
    for case, intervals in cases.items():
        out = merge(intervals)
        returned.append(out)
        inner = {id(iv) for iv in intervals}
        shared[case] = out is intervals or any(id(iv) in inner for iv in (out if isinstance(out, list) else []))
    return {"returned": returned, "shares objects with the argument": shared}


def _lists(expected, got):
    same(expected["returned"], got["returned"], "merge_intervals(intervals)")
    require(
        got["types"] == expected["types"],
        f"merge_intervals returned {got['types'][0]} of {', '.join(got['types'][1:]) or 'nothing'}: "
        "the result is a list of [start, end] lists",
    )


@test(check=_lists)
def intervals_are_returned_as_lists(merge):
    out = merge([[8, 10], [1, 3], [2, 6], [12, 12]])
    items = out if isinstance(out, (list, tuple)) else []
    return {"returned": out, "types": [type(out).__name__] + sorted({type(iv).__name__ for iv in items})}
