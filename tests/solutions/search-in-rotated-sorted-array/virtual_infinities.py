# expect: passed
# Correct alternative: treat values on the other side of the rotation from target as -inf/+inf, then plain binary search.
def search(nums: list[int], target: int) -> int:
    lo, hi = 0, len(nums)
    first = nums[0]
    while lo < hi:
        mid = (lo + hi) // 2
        value = nums[mid]
        if (value < first) != (target < first):
            value = float("-inf") if target < first else float("inf")
        if value < target:
            lo = mid + 1
        elif value > target:
            hi = mid
        else:
            return mid
    return -1
