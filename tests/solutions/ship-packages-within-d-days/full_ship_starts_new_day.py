# expect: wrong_answer classic_examples
# Starts a new day when load + w >= capacity: a package that fills the ship exactly is pushed to the next day.
def ship_within_days(weights: list[int], days: int) -> int:
    def days_needed(cap):
        count, load = 1, 0
        for w in weights:
            if load + w >= cap:
                count += 1
                load = 0
            load += w
        return count

    lo, hi = max(weights), sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        if days_needed(mid) <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo
