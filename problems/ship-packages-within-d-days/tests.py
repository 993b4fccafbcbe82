"""Hidden tests for ship-packages-within-d-days."""

import copy

from mlkata.judge.api import Rand, call, require, same, test


@test
def classic_examples(ship):
    return [
        call(ship, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5),
        call(ship, [3, 2, 2, 4, 1, 4], 3),
        call(ship, [1, 2, 3, 1, 1], 4),
    ]


@test
def one_day_ships_everything(ship):
    return [call(ship, [5, 5, 5, 5], 1), call(ship, [7], 1), call(ship, [3, 9, 1, 4], 1)]


@test
def one_package_per_day(ship):
    # days = n: the answer is the heaviest package.
    return [call(ship, [3, 9, 1, 4], 4), call(ship, [1, 1, 1], 3), call(ship, [500, 2], 2)]


@test
def heaviest_package_is_a_floor(ship):
    # The average load per day (sum / days) is below the heaviest package here.
    return [
        call(ship, [10, 1, 1, 1], 2),
        call(ship, [1, 1, 1, 100, 1], 3),
        call(ship, [2, 50, 2, 2], 3),
    ]


@test
def packages_keep_their_order(ship):
    # Sorting first would change the answer: [1, 9, 1, 9] in 2 days is 10 (sorted, 11).
    return [call(ship, [1, 9, 1, 9], 2), call(ship, [9, 1, 1, 9, 1, 1], 3), call(ship, [4, 1, 4, 1, 4], 3)]


@test
def capacity_filled_exactly(ship):
    # The answer is hit exactly by a day's load: a package that brings the load to C still fits.
    return [call(ship, [5, 5, 5, 5], 2), call(ship, [2, 3, 5, 1, 4], 3), call(ship, [6, 4, 10], 2)]


@test
def random_small_cases(ship):
    r = Rand(1011).py
    calls = []
    for _ in range(80):
        n = r.randint(1, 12)
        weights = [r.randint(1, 20) for _ in range(n)]
        calls.append(call(ship, weights, r.randint(1, n)))
    return calls


def _input_unchanged(expected, got):
    same(expected["returned"], got["returned"], "ship_within_days(weights, 3)")
    require(
        got["weights after the call"] == got["weights before the call"],
        f"ship_within_days modified its argument: weights was {got['weights before the call']} before "
        f"the call and {got['weights after the call']} after it (work on a copy)",
    )


@test(check=_input_unchanged)
def input_is_not_modified(ship):
    # Called on the list itself (not a copy).
    weights = [4, 8, 1, 6, 3, 7, 2]
    before = copy.deepcopy(weights)
    returned = ship(weights, 3)
    return {"returned": returned, "weights before the call": before, "weights after the call": weights}


@test
def large_input_within_time_limit(ship):
    # 5 * 10^4 packages of weight 1..500 in 5 days: the answer is ~2.5 * 10^6 while the heaviest
    # package is 500, so counting capacities up one by one is hopeless.
    r = Rand(1012).py
    weights = [r.randint(1, 500) for _ in range(50_000)]
    return [call(ship, weights, 5)]


@test
def boundary_weights(ship):
    return [call(ship, [500] * 7, 3), call(ship, [1] * 9, 4), call(ship, [1, 500, 1], 2)]
