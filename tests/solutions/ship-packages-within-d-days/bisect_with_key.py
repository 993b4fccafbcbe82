# expect: passed
# Correct alternative: bisect over the range of capacities with a key (Python 3.10+), greedy check inside.
import bisect


def ship_within_days(weights: list[int], days: int) -> int:
    def fits(cap):
        used, load = 1, 0
        for w in weights:
            load += w
            if load > cap:
                used += 1
                load = w
        return used <= days

    caps = range(max(weights), sum(weights) + 1)
    return caps[bisect.bisect_left(caps, True, key=fits)]
