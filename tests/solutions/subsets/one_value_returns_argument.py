# expect: wrong_answer subsets_are_new_lists
# Base case returns [[], nums] for one value: at the top level the caller's own list is a subset.
def subsets(nums: list[int]) -> list[list[int]]:
    if not nums:
        return [[]]
    if len(nums) == 1:
        return [[], nums]
    rest = subsets(nums[1:])
    return rest + [[nums[0]] + s for s in rest]
