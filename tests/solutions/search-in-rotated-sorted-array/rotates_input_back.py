# expect: wrong_answer input_is_not_modified
# Finds the rotation, rotates nums back in place and bisects it: the caller's list is left sorted.
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
    nums[:] = nums[k:] + nums[:k]
    i = bisect.bisect_left(nums, target)
    if i < len(nums) and nums[i] == target:
        return (i + k) % len(nums)
    return -1
