"""Hidden tests for longest-increasing-subsequence (pure Python).

Several answers can be right, so each case is checked as a property: the returned list must be
strictly increasing, a subsequence of the input, and as long as the reference's answer.
"""

from mlkata.judge.api import Fail, Rand, call, describe, test


def case(fn, nums):
    return {"nums": nums, "out": call(fn, nums)}


def _check_one(expected, got):
    nums, text = expected["nums"], expected["out"]["call"]
    best = len(expected["out"]["returned"])
    seq = got["out"]["returned"]
    if not isinstance(seq, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in seq):
        raise Fail(f"{text}: expected a list of ints, got {describe(seq)}")
    for p in range(1, len(seq)):
        if not seq[p - 1] < seq[p]:
            raise Fail(f"{text}: returned a list that is not strictly increasing: {seq[p - 1]} then {seq[p]} at positions {p - 1}, {p}")
    j = 0
    for v in nums:
        if j < len(seq) and v == seq[j]:
            j += 1
    if j < len(seq):
        raise Fail(
            f"{text}: returned a list of length {len(seq)} that is not a subsequence of the input: "
            f"after its first {j} values, {seq[j]} does not occur later in the input"
        )
    if len(seq) != best:
        raise Fail(f"{text}: returned an increasing subsequence of length {len(seq)}; the longest has length {best}")


def valid_and_longest(expected, got):
    for e, g in zip(expected, got, strict=True):
        _check_one(e, g)


@test(check=valid_and_longest)
def classic_examples(lis):
    return [
        case(lis, [10, 9, 2, 5, 3, 7, 101, 18]),
        case(lis, [0, 1, 0, 3, 2, 3]),
        case(lis, [4, 10, 4, 3, 8, 9]),
    ]


@test(check=valid_and_longest)
def empty_and_single_element(lis):
    return [case(lis, []), case(lis, [42]), case(lis, [-5])]


@test(check=valid_and_longest)
def equal_values_do_not_extend(lis):
    # Strictly increasing: [7, 7, 7, 7] has an LIS of length 1.
    return [
        case(lis, [7, 7, 7, 7]),
        case(lis, [1, 3, 3, 4]),
        case(lis, [5, 2, 2, 3, 3, 4, 4]),
    ]


@test(check=valid_and_longest)
def decreasing_input(lis):
    return [case(lis, [9, 7, 4, 2, 0, -3]), case(lis, list(range(50, 0, -1)))]


@test(check=valid_and_longest)
def tails_array_is_not_a_subsequence(lis):
    # The patience-sorting array of smallest tails ends as [1, 2, 5]: right length, but 5 comes
    # before 1 in the input. An answer is [3, 4, 5].
    return [
        case(lis, [3, 4, 5, 1, 2]),
        case(lis, [2, 5, 3, 7, 11, 8, 10, 13, 6]),
        case(lis, [10, 20, 30, 1, 2, 25]),
    ]


@test(check=valid_and_longest)
def random_short_lists_with_negatives(lis):
    r = Rand(6).py
    return [case(lis, [r.randint(-8, 8) for _ in range(r.randint(1, 14))]) for _ in range(50)]


@test(check=valid_and_longest)
def large_random_input_needs_n_log_n(lis):
    # 5 * 10^4 values: an O(n^2) DP does ~10^9 steps.
    r = Rand(7).py
    return [case(lis, [r.randint(-10**9, 10**9) for _ in range(50_000)])]


@test(check=valid_and_longest)
def large_increasing_input(lis):
    # Already sorted (with a few repeats): the answer has ~37500 values, so rebuilding it by
    # recursion would go that deep.
    r = Rand(8).py
    nums, v = [], -(10**6)
    for _ in range(50_000):
        v += r.choice((0, 1, 1, 1, 2))
        nums.append(v)
    return [case(lis, nums)]
