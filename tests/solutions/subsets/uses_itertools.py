# expect: forbidden_api classic_examples
# Uses itertools.combinations for every size, which this problem forbids.
from itertools import combinations


def subsets(nums: list[int]) -> list[list[int]]:
    return [list(c) for k in range(len(nums) + 1) for c in combinations(nums, k)]
