# expect: wrong_answer empty_input_has_one_empty_permutation
# Treats the empty input as having no permutation ([]) instead of one empty permutation ([[]]).
def permute(nums: list[int]) -> list[list[int]]:
    if not nums:
        return []
    if len(nums) == 1:
        return [nums[:]]
    result = []
    for i, x in enumerate(nums):
        for rest in permute(nums[:i] + nums[i + 1 :]):
            result.append([x] + rest)
    return result
