def search(nums: list[int], target: int) -> int:
    """Index of target in nums (distinct ascending values rotated at an unknown index), or -1.

    O(log n) per call. Do not modify nums.
    """
    raise NotImplementedError
