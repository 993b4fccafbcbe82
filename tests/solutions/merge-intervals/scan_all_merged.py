# expect: time_limit large_input_within_time_limit
# Right answers, but each interval is compared with every merged interval so far: O(n^2) when few merge.
def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    merged = []
    for start, end in intervals:
        keep = []
        for s, e in merged:
            if s <= end and start <= e:
                start, end = min(start, s), max(end, e)
            else:
                keep.append([s, e])
        keep.append([start, end])
        merged = keep
    return sorted(merged)
