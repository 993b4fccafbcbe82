# expect: passed
# Correct alternative, iterative: insert each new value into every position of every permutation so far.
def permute(nums: list[int]) -> list[list[int]]:
    perms = [[]]
    for x in nums:
        perms = [p[:i] + [x] + p[i:] for p in perms for i in range(len(p) + 1)]
    return perms
