def subsets(nums: list[int]) -> list[list[int]]:
    """All 2^n subsets of the distinct ints in nums, each once, in any order.

    Each subset is a new list; the empty subset is included (subsets([]) is [[]]).
    Do not modify nums.
    """
    raise NotImplementedError
