# expect: time_limit many_queries_within_time_limit
# Right answers, but a linear scan per call: O(n), ~5 * 10^8 comparisons for 5000 calls on 2 * 10^5 values.
def search(nums: list[int], target: int) -> int:
    return nums.index(target) if target in nums else -1
