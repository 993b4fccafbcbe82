# expect: wrong_answer classic_examples
# Records the shared path list itself instead of a copy: every entry ends up as the same empty list.
def subsets(nums: list[int]) -> list[list[int]]:
    result = []
    path = []

    def backtrack(start):
        result.append(path)
        for i in range(start, len(nums)):
            path.append(nums[i])
            backtrack(i + 1)
            path.pop()

    backtrack(0)
    return result
