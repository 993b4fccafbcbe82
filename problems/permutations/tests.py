"""Hidden tests for permutations."""

import copy

from mlkata.judge.api import Fail, Rand, call, describe, require, short, test


def any_order(expected, got):
    """Each call must return the reference's permutations, each once, as lists, in any order."""
    for e, g in zip(expected, got, strict=True):
        want, have = e["returned"], g["returned"]
        if not isinstance(have, list):
            raise Fail(f"{e['call']}: expected a list of {len(want)} permutations, got {describe(have)}")
        odd = next((p for p in have if not isinstance(p, list)), None)
        if odd is not None:
            raise Fail(f"{e['call']}: each permutation must be a list, got {describe(odd)} ({short(odd)})")
        have_sorted, want_sorted = sorted(have), sorted(want)
        if have_sorted == want_sorted:
            continue
        missing = next((p for p in want_sorted if p not in have), None)
        dup = next((a for a, b in zip(have_sorted, have_sorted[1:]) if a == b), None)
        extra = next((p for p in have_sorted if p not in want), None)
        if extra is not None:
            why = f"{short(extra)} is not a permutation of the input"
        elif dup is not None:
            why = f"{short(dup)} appears more than once"
        else:
            why = f"{short(missing)} is missing"
        raise Fail(
            f"{e['call']}: expected {len(want)} permutations, got {len(have)}: {why}",
            [f"expected (any order): {short(want_sorted, 200)}", f"got: {short(have, 200)}"],
        )


def distinct_values(r, n, low=-10, high=10):
    return r.sample(range(low, high + 1), n)


@test(check=any_order)
def classic_examples(permute):
    return [call(permute, [1, 2, 3]), call(permute, [0, 1]), call(permute, [3, 1, 2, 4])]


@test(check=any_order)
def single_value(permute):
    return [call(permute, [1]), call(permute, [-7])]


@test(check=any_order)
def empty_input_has_one_empty_permutation(permute):
    return [call(permute, [])]


@test(check=any_order)
def negative_and_boundary_values(permute):
    return [call(permute, [-10, 10, 0]), call(permute, [-1, -2, -3, 5])]


@test(check=any_order)
def random_small_cases(permute):
    r = Rand(46).py
    return [call(permute, distinct_values(r, r.randint(1, 6))) for _ in range(25)]


@test(check=any_order)
def largest_input_within_time_limit(permute):
    # n = 8: 40320 permutations; trying all 8^8 sequences is ~400 times more work.
    return [call(permute, [5, -3, 8, 0, 2, -10, 7, 1])]


def _input_unchanged(expected, got):
    any_order([expected["returned"]], [got["returned"]])
    require(
        got["nums after the call"] == got["nums before the call"],
        f"permute modified its argument: nums was {got['nums before the call']} before the call and "
        f"{got['nums after the call']} after it (undo every swap, or work on a copy)",
    )


@test(check=_input_unchanged)
def input_is_not_modified(permute):
    # Called on the list itself (not a copy).
    nums = [4, 1, 3, 2]
    before = copy.deepcopy(nums)
    returned = {"call": "permute([4, 1, 3, 2])", "returned": permute(nums)}
    return {"returned": returned, "nums before the call": before, "nums after the call": nums}


def _new_lists(expected, got):
    any_order(expected["returned"], got["returned"])
    for case, shared in got["shares objects with the argument"].items():
        require(
            not shared,
            f"permute({case}) returned the argument itself as a permutation (or as the result): "
            "each permutation must be a new list (the caller may change nums afterwards)",
        )


@test(check=_new_lists)
def permutations_are_new_lists(permute):
    # Called on the lists themselves (not copies): even a one-value input needs a new list.
    cases = {"[5]": [5], "[]": [], "[2, 9]": [2, 9]}
    returned, shared = [], {}
    for case, nums in cases.items():
        out = permute(nums)
        returned.append({"call": f"permute({case})", "returned": out})
        items = out if isinstance(out, list) else []
        shared[case] = out is nums or any(p is nums for p in items)
    return {"returned": returned, "shares objects with the argument": shared}
