# expect: wrong_answer result_is_a_new_list
# Returns the argument itself when there are fewer than two intervals: the caller's list comes back, not a new one.
def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    if len(intervals) < 2:
        return intervals  # nothing to merge
    merged: list[list[int]] = []
    for start, end in sorted(intervals, key=lambda iv: iv[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
