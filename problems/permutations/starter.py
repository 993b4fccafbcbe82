def permute(nums: list[int]) -> list[list[int]]:
    """Every permutation of the distinct ints in nums, each once, in any order.

    Each permutation is a new list; permute([]) is [[]]. Do not modify nums.
    """
    raise NotImplementedError
