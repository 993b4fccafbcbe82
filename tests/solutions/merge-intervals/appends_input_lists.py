# expect: wrong_answer input_is_not_modified
# Sorts a copy but appends the caller's own inner lists, then extends their ends: writes into the input.
def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    merged = []
    for interval in sorted(intervals):
        if merged and interval[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], interval[1])
        else:
            merged.append(interval)
    return merged
