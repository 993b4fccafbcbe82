"""Hidden tests for combination-sum."""

import copy

from mlkata.judge.api import Fail, Rand, call, describe, require, short, test


def any_order(expected, got):
    """Each call must return the reference's combinations, each once, as lists; any order, inside too."""
    for e, g in zip(expected, got, strict=True):
        want, have = e["returned"], g["returned"]
        if not isinstance(have, list):
            raise Fail(f"{e['call']}: expected a list of {len(want)} combinations, got {describe(have)}")
        odd = next((c for c in have if not isinstance(c, list)), None)
        if odd is not None:
            raise Fail(f"{e['call']}: each combination must be a list, got {describe(odd)} ({short(odd)})")
        want_sorted = sorted(sorted(c) for c in want)
        have_sorted = sorted(sorted(c) for c in have)
        if have_sorted == want_sorted:
            continue
        missing = next((c for c in want_sorted if c not in have_sorted), None)
        dup = next((a for a, b in zip(have_sorted, have_sorted[1:]) if a == b), None)
        extra = next((c for c in have_sorted if c not in want_sorted), None)
        if extra is not None:
            why = f"{short(extra)} is not a combination of the candidates that adds up to the target"
        elif dup is not None:
            why = f"{short(dup)} appears more than once (in some order)"
        else:
            why = f"{short(missing)} is missing"
        raise Fail(
            f"{e['call']}: expected {len(want)} combinations, got {len(have)}: {why}",
            [f"expected (any order): {short(want_sorted, 200)}", f"got: {short(have, 200)}"],
        )


@test(check=any_order)
def classic_examples(combination_sum):
    return [
        call(combination_sum, [2, 3, 6, 7], 7),
        call(combination_sum, [2, 3, 5], 8),
        call(combination_sum, [2, 4], 8),
    ]


@test(check=any_order)
def unsorted_candidates(combination_sum):
    # Pruning with `break` is only right on sorted values: these come in no particular order.
    return [
        call(combination_sum, [7, 3, 2], 7),
        call(combination_sum, [8, 5, 3, 2], 10),
        call(combination_sum, [9, 4, 2, 11], 13),
    ]


@test(check=any_order)
def no_combination_returns_empty(combination_sum):
    return [
        call(combination_sum, [2], 1),
        call(combination_sum, [2], 3),
        call(combination_sum, [4, 6], 9),
        call(combination_sum, [40], 39),
    ]


@test(check=any_order)
def target_equal_to_a_candidate(combination_sum):
    return [call(combination_sum, [5], 5), call(combination_sum, [3, 40, 2], 40), call(combination_sum, [2], 2)]


@test(check=any_order)
def random_small_cases(combination_sum):
    r = Rand(39).py
    calls = []
    for _ in range(30):
        candidates = r.sample(range(2, 16), r.randint(1, 6))
        calls.append(call(combination_sum, candidates, r.randint(1, 24)))
    return calls


@test(check=any_order)
def largest_input_within_time_limit(combination_sum):
    # 30 candidates 2..31 (shuffled), target 40: ~6000 combinations but ~6 * 10^7 ordered sequences.
    candidates = list(range(2, 32))
    Rand(40).py.shuffle(candidates)
    return [call(combination_sum, candidates, 40)]


def _input_unchanged(expected, got):
    any_order([expected["returned"]], [got["returned"]])
    require(
        got["candidates after the call"] == got["candidates before the call"],
        "combination_sum modified its argument: candidates was "
        f"{got['candidates before the call']} before the call and {got['candidates after the call']} "
        "after it (sort a copy: sorted(candidates))",
    )


@test(check=_input_unchanged)
def input_is_not_modified(combination_sum):
    # Called on the list itself (not a copy), in an unsorted order.
    candidates = [6, 2, 7, 3]
    before = copy.deepcopy(candidates)
    returned = {"call": "combination_sum([6, 2, 7, 3], 7)", "returned": combination_sum(candidates, 7)}
    return {"returned": returned, "candidates before the call": before, "candidates after the call": candidates}
