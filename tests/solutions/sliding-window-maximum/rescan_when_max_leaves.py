# expect: time_limit large_input_within_time_limit
# Keeps the index of the current maximum and rescans the window only when it leaves: O(nk) on decreasing input.
def max_sliding_window(nums: list[int], k: int) -> list[int]:
    out = []
    best = -1
    for i in range(len(nums)):
        lo = i - k + 1
        if best < lo:
            best = max(range(max(lo, 0), i + 1), key=lambda j: (nums[j], j))
        elif nums[i] >= nums[best]:
            best = i
        if lo >= 0:
            out.append(nums[best])
    return out
