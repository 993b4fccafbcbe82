"""Hidden tests for subsets."""

import copy

from mlkata.judge.api import Fail, Rand, call, describe, require, short, test


def any_order(expected, got):
    """Each call must return the reference's subsets, each once, as lists; any order, inside too."""
    for e, g in zip(expected, got, strict=True):
        want, have = e["returned"], g["returned"]
        if not isinstance(have, list):
            raise Fail(f"{e['call']}: expected a list of {len(want)} subsets, got {describe(have)}")
        odd = next((s for s in have if not isinstance(s, list)), None)
        if odd is not None:
            raise Fail(f"{e['call']}: each subset must be a list, got {describe(odd)} ({short(odd)})")
        want_sorted = sorted(sorted(s) for s in want)
        have_sorted = sorted(sorted(s) for s in have)
        if have_sorted == want_sorted:
            continue
        missing = next((s for s in want_sorted if s not in have_sorted), None)
        dup = next((a for a, b in zip(have_sorted, have_sorted[1:]) if a == b), None)
        extra = next((s for s in have_sorted if s not in want_sorted), None)
        if extra is not None:
            why = f"{short(extra)} is not a subset of the input"
        elif dup is not None:
            why = f"{short(dup)} appears more than once (in some order)"
        else:
            why = f"{short(missing)} is missing"
        raise Fail(
            f"{e['call']}: expected {len(want)} subsets, got {len(have)}: {why}",
            [f"expected (any order): {short(want_sorted, 200)}", f"got: {short(have, 200)}"],
        )


def distinct_values(r, n, low=-10, high=10):
    return r.sample(range(low, high + 1), n)


@test(check=any_order)
def classic_examples(subsets):
    return [call(subsets, [1, 2, 3]), call(subsets, [0]), call(subsets, [4, 1, 3, 2])]


@test(check=any_order)
def empty_input_has_the_empty_subset(subsets):
    return [call(subsets, [])]


@test(check=any_order)
def negative_and_boundary_values(subsets):
    return [call(subsets, [-10, 10]), call(subsets, [-3, 0, -1, 10, -10])]


@test(check=any_order)
def random_small_cases(subsets):
    r = Rand(78).py
    return [call(subsets, distinct_values(r, r.randint(1, 7))) for _ in range(25)]


@test(check=any_order)
def largest_input(subsets):
    # n = 12, the largest allowed: 4096 subsets.
    return [call(subsets, [7, -2, 9, 0, 4, -8, 1, 10, -5, 3, 6, -10])]


def _input_unchanged(expected, got):
    any_order([expected["returned"]], [got["returned"]])
    require(
        got["nums after the call"] == got["nums before the call"],
        f"subsets modified its argument: nums was {got['nums before the call']} before the call and "
        f"{got['nums after the call']} after it (sort a copy, never nums itself)",
    )


@test(check=_input_unchanged)
def input_is_not_modified(subsets):
    # Called on the list itself (not a copy), in an unsorted order.
    nums = [4, 1, 3, 2]
    before = copy.deepcopy(nums)
    returned = {"call": "subsets([4, 1, 3, 2])", "returned": subsets(nums)}
    return {"returned": returned, "nums before the call": before, "nums after the call": nums}


def _new_lists(expected, got):
    any_order(expected["returned"], got["returned"])
    for case, shared in got["shares objects with the argument"].items():
        require(
            not shared,
            f"subsets({case}) returned the argument itself as a subset (or as the result): "
            "each subset must be a new list (the caller may change nums afterwards)",
        )


@test(check=_new_lists)
def subsets_are_new_lists(subsets):
    # Called on the lists themselves (not copies): the whole set must be a new list too.
    cases = {"[5]": [5], "[]": [], "[2, 9]": [2, 9]}
    returned, shared = [], {}
    for case, nums in cases.items():
        out = subsets(nums)
        returned.append({"call": f"subsets({case})", "returned": out})
        items = out if isinstance(out, list) else []
        shared[case] = out is nums or any(s is nums for s in items)
    return {"returned": returned, "shares objects with the argument": shared}
