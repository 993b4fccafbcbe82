# expect: wrong_answer input_is_not_modified
# Right permutations via next-permutation steps, but nums.sort() reorders (and later permutes) the caller's list.
def permute(nums: list[int]) -> list[list[int]]:
    nums.sort()
    result = [nums[:]]
    n = len(nums)
    while True:
        i = n - 2
        while i >= 0 and nums[i] >= nums[i + 1]:
            i -= 1
        if i < 0:
            return result
        j = n - 1
        while nums[j] <= nums[i]:
            j -= 1
        nums[i], nums[j] = nums[j], nums[i]
        nums[i + 1 :] = reversed(nums[i + 1 :])
        result.append(nums[:])
