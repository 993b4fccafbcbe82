# expect: wrong_answer classic_examples
# Builds each subset as a set instead of a list.
def subsets(nums: list[int]) -> list[list[int]]:
    result = [set()]
    for x in nums:
        result += [s | {x} for s in result]
    return result
