# expect: wrong_answer classic_examples
# Starts the search at ceil(sum / days), forgetting that the heaviest package may be larger than that.
def ship_within_days(weights: list[int], days: int) -> int:
    def days_needed(cap):
        count, load = 1, 0
        for w in weights:
            if load + w > cap:
                count += 1
                load = 0
            load += w
        return count

    lo, hi = -(-sum(weights) // days), sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        if days_needed(mid) <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo
