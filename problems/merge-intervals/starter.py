def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    """Merge overlapping closed intervals; return new [start, end] lists sorted by start.

    intervals: 0 to 10^5 lists [start, end] with start <= end, in any order. Touching intervals
    ([1, 2] and [2, 3]) merge. Do not modify `intervals` or its inner lists.
    """
    raise NotImplementedError
