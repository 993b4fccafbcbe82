# expect: time_limit large_input_within_time_limit
# Right answers, but takes max() over every window: O(nk).
def max_sliding_window(nums: list[int], k: int) -> list[int]:
    return [max(nums[i : i + k]) for i in range(len(nums) - k + 1)]
