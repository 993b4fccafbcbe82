# expect: passed
# Correct alternative: every mask from 0 to 2^n - 1 picks the values whose bit is set.
def subsets(nums: list[int]) -> list[list[int]]:
    n = len(nums)
    return [[nums[i] for i in range(n) if mask >> i & 1] for mask in range(1 << n)]
