# expect: wrong_answer input_is_not_modified
# Sorts nums in place to get tidy subsets: right answer, but the caller's list is reordered.
def subsets(nums: list[int]) -> list[list[int]]:
    nums.sort()
    result = [[]]
    for x in nums:
        result += [s + [x] for s in result]
    return result
