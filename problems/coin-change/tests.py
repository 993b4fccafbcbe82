"""Hidden tests for coin-change."""

from mlkata.judge.api import Rand, call, test

BIGGEST = 2**31 - 1


@test
def classic_examples(coin_change):
    return [
        call(coin_change, [1, 2, 5], 11),
        call(coin_change, [1], 1),
        call(coin_change, [1], 2),
        call(coin_change, [2, 5], 10),
    ]


@test
def zero_amount_needs_no_coins(coin_change):
    # amount = 0 is the lower bound: 0 coins, even when every coin is larger than the amount.
    return [
        call(coin_change, [1], 0),
        call(coin_change, [5, 10], 0),
        call(coin_change, [BIGGEST], 0),
    ]


@test
def impossible_amount_returns_minus_one(coin_change):
    return [
        call(coin_change, [2], 3),
        call(coin_change, [3, 7], 11),
        call(coin_change, [4, 6], 7),
        call(coin_change, [5, 10], 13),
    ]


@test
def greedy_largest_first_fails(coin_change):
    # Largest coin first is not optimal (or finds nothing) for non-canonical coin systems.
    return [
        call(coin_change, [1, 3, 4], 6),
        call(coin_change, [1, 5, 6, 9], 11),
        call(coin_change, [2, 5], 6),
        call(coin_change, [1, 7, 10], 14),
    ]


@test
def unsorted_coins(coin_change):
    return [
        call(coin_change, [5, 1, 2], 11),
        call(coin_change, [9, 6, 5, 1], 11),
        call(coin_change, [7, 3], 9),
        call(coin_change, [10, 3, 1, 7], 14),
    ]


@test
def coins_larger_than_amount(coin_change):
    # A coin above the amount can never be used (a[i - coin] with a negative index must not be read).
    return [
        call(coin_change, [3, 6], 4),
        call(coin_change, [3, 7], 5),
        call(coin_change, [BIGGEST], 2),
        call(coin_change, [BIGGEST, 1], 3),
        call(coin_change, [4, 100, 2], 10),
    ]


@test
def random_small_cases(coin_change):
    r = Rand(7).py
    calls = []
    for _ in range(60):
        coins = r.sample(range(1, 11), r.randint(1, 4))
        calls.append(call(coin_change, coins, r.randint(0, 15)))
    return calls


@test
def plain_recursion_is_too_slow(coin_change):
    # Without memoisation the same remaining amounts are solved again and again: exponential.
    return [
        call(coin_change, [1, 2, 5], 100),
        call(coin_change, [2, 5, 10, 1], 127),
        call(coin_change, [186, 419, 83, 408], 6249),
    ]


@test
def max_size_inputs(coin_change):
    # amount = 10^4, 12 coins: 10^4 levels deep for a recursion with the coin 1.
    r = Rand(9).py
    coins = r.sample(range(2, 600), 12)
    return [
        call(coin_change, [1], 10_000),
        call(coin_change, coins, 10_000),
        call(coin_change, [2 * c for c in r.sample(range(1, 300), 12)], 9_999),
        call(coin_change, [BIGGEST, 9_997, 3], 10_000),
    ]
