# expect: wrong_answer classic_examples
# Counts masks from 1, so the empty subset (mask 0) is never produced.
def subsets(nums: list[int]) -> list[list[int]]:
    n = len(nums)
    return [[nums[i] for i in range(n) if mask >> i & 1] for mask in range(1, 1 << n)]
