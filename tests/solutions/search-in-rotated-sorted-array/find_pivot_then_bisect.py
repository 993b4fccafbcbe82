# expect: passed
# Correct alternative: binary-search the minimum (the rotation index), then bisect the sorted part that can hold target.
import bisect


def search(nums: list[int], target: int) -> int:
    lo, hi = 0, len(nums) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] > nums[hi]:
            lo = mid + 1
        else:
            hi = mid
    k = lo
    if k > 0 and target >= nums[0]:
        left, right = 0, k
    else:
        left, right = k, len(nums)
    i = bisect.bisect_left(nums, target, left, right)
    return i if i < right and nums[i] == target else -1
