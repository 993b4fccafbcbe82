# expect: wrong_answer classic_examples
# Searches capacities from 1, and the greedy check lets a package heavier than the capacity start its own day.
def ship_within_days(weights: list[int], days: int) -> int:
    def days_needed(cap):
        count, load = 1, 0
        for w in weights:
            if load + w > cap:
                count += 1
                load = 0
            load += w
        return count

    lo, hi = 1, sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        if days_needed(mid) <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo
