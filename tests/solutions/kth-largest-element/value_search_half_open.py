# expect: wrong_answer values_at_both_ends_of_the_range
# Binary search on the value over [-10^9, 10^9) (half-open): the answer 10^9 itself can never be returned.
def kth_largest(nums: list[int], k: int) -> int:
    lo, hi = -(10**9), 10**9  # invariant: at least k values >= lo, fewer than k values >= hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if sum(1 for x in nums if x >= mid) >= k:
            lo = mid
        else:
            hi = mid
    return lo
