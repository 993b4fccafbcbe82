# expect: wrong_answer permutations_are_new_lists
# Returns [nums] for inputs of at most one value: the caller's own list comes back as a permutation.
def permute(nums: list[int]) -> list[list[int]]:
    if len(nums) <= 1:
        return [nums]
    result = []
    for i, x in enumerate(nums):
        for rest in permute(nums[:i] + nums[i + 1 :]):
            result.append([x] + rest)
    return result
