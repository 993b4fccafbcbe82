def max_sliding_window(nums: list[int], k: int) -> list[int]:
    """The maximum of every window of k consecutive values, left to right (n - k + 1 values).

    1 <= k <= len(nums). O(n) with a deque of indices is expected.
    """
    raise NotImplementedError
