def longest_increasing_subsequence(nums: list[int]) -> list[int]:
    """One longest strictly increasing subsequence of nums, as a list of its values in order.

    nums: 0 to 5 * 10^4 ints in [-10^9, 10^9], possibly repeated. Any longest one is accepted;
    return [] for an empty list. Must run in O(n log n).
    """
    raise NotImplementedError
