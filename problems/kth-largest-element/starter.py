def kth_largest(nums: list[int], k: int) -> int:
    """The k-th largest value of nums in sorted order, duplicates counted (k = 1 is the maximum).

    1 <= k <= len(nums) <= 5 * 10^4. Without sorting: sorted(), list.sort(), heapq.nlargest and
    heapq.nsmallest are not allowed (quickselect, or a heap of size k).
    """
    raise NotImplementedError
