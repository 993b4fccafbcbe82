def ship_within_days(weights: list[int], days: int) -> int:
    """Binary search on the capacity, with a greedy count of the days each capacity needs."""

    def days_needed(capacity: int) -> int:
        count, load = 1, 0
        for w in weights:
            if load + w > capacity:  # this package starts a new day
                count += 1
                load = 0
            load += w
        return count

    lo, hi = max(weights), sum(weights)  # no package is split; one day carries everything
    while lo < hi:  # invariant: the answer is in [lo, hi]
        mid = (lo + hi) // 2
        if days_needed(mid) <= days:
            hi = mid  # mid works, so the answer is mid or smaller
        else:
            lo = mid + 1
    return lo
