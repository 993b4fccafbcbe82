def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    """Sort a copy by start, then extend the last merged interval while the next one overlaps."""
    merged: list[list[int]] = []
    for start, end in sorted(intervals, key=lambda iv: iv[0]):
        if merged and start <= merged[-1][1]:  # <=: closed intervals, touching ones merge
            merged[-1][1] = max(merged[-1][1], end)  # max: the new one may be nested
        else:
            merged.append([start, end])  # a new list: never write into the caller's intervals
    return merged
