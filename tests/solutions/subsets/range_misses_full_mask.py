# expect: wrong_answer classic_examples
# Masks go up to 2^n - 1, but range(2 ** n - 1) stops before it: the whole set is never produced.
def subsets(nums: list[int]) -> list[list[int]]:
    n = len(nums)
    result = []
    for mask in range(2**n - 1):
        result.append([nums[i] for i in range(n) if mask & (1 << i)])
    return result
