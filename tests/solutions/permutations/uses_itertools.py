# expect: forbidden_api classic_examples
# Calls itertools.permutations, which this problem forbids.
from itertools import permutations


def permute(nums: list[int]) -> list[list[int]]:
    return [list(p) for p in permutations(nums)]
