# expect: wrong_answer input_is_not_modified
# Right answers via prefix sums and bisect, but the prefix sums overwrite the caller's weights.
import bisect


def ship_within_days(weights: list[int], days: int) -> int:
    heaviest = max(weights)
    for i in range(1, len(weights)):
        weights[i] += weights[i - 1]
    total = weights[-1]

    def fits(cap):
        done = 0  # total weight shipped so far
        for _ in range(days):
            i = bisect.bisect_right(weights, done + cap)  # prefix sums reachable today
            done = weights[i - 1]
            if done == total:
                return True
        return False

    lo, hi = heaviest, total
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
