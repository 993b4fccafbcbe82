def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """The k most frequent distinct values of nums, by count descending, ties by smaller value first.

    1 <= k <= number of distinct values. collections.Counter, heapq.nlargest and
    heapq.nsmallest are forbidden.
    """
    raise NotImplementedError
