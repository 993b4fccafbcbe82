# expect: forbidden_api classic_examples
# Sorts with numpy.argsort, which this problem forbids (plain Python only).
import numpy as np


def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for i in np.argsort([iv[0] for iv in intervals], kind="stable"):
        start, end = intervals[i]
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
