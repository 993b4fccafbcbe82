# expect: wrong_answer classic_examples
# Builds each permutation as a tuple instead of a list.
def permute(nums: list[int]) -> list[list[int]]:
    result = []

    def backtrack(path, rest):
        if not rest:
            result.append(tuple(path))
            return
        for i in range(len(rest)):
            backtrack(path + [rest[i]], rest[:i] + rest[i + 1 :])

    backtrack([], nums)
    return result
