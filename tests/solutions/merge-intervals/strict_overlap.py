# expect: wrong_answer touching_intervals_merge
# Uses start < last_end, so intervals that only touch ([1, 2] and [2, 3]) are not merged.
def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    merged = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
