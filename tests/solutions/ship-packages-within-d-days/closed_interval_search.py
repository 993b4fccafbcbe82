# expect: passed
# Correct alternative: closed-interval binary search that remembers the best capacity found so far.
def ship_within_days(weights: list[int], days: int) -> int:
    lo, hi = max(weights), sum(weights)
    best = hi
    while lo <= hi:
        cap = lo + (hi - lo) // 2
        need, load = 0, cap  # load = cap forces the first package to open day 1
        for w in weights:
            if load + w > cap:
                need += 1
                load = 0
            load += w
        if need <= days:
            best = cap
            hi = cap - 1
        else:
            lo = cap + 1
    return best
