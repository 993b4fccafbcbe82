# expect: passed
# Correct alternative: a sweep over +1/-1 events, starts before ends at equal coordinates so touching intervals merge.
def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    events = []
    for start, end in intervals:
        events.append((start, 0))  # 0 sorts before 1: open before closing at the same point
        events.append((end, 1))
    events.sort()
    result = []
    depth = 0
    for x, kind in events:
        if kind == 0:
            if depth == 0:
                opened = x
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                result.append([opened, x])
    return result
