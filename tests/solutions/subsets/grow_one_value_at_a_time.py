# expect: passed
# Correct alternative: start from [[]] and, for each value, add a copy of every subset so far with it.
def subsets(nums: list[int]) -> list[list[int]]:
    result = [[]]
    for x in nums:
        result.extend([s + [x] for s in result])
    return result
