# expect: wrong_answer classic_examples
# Sorts the packages heaviest first before packing, as in bin packing: the belt's order is not kept.
def ship_within_days(weights: list[int], days: int) -> int:
    order = sorted(weights, reverse=True)

    def days_needed(cap):
        count, load = 1, 0
        for w in order:
            if load + w > cap:
                count += 1
                load = 0
            load += w
        return count

    lo, hi = max(order), sum(order)
    while lo < hi:
        mid = (lo + hi) // 2
        if days_needed(mid) <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo
