def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    """Backtracking over a sorted copy, each combination built in non-decreasing order."""
    values = sorted(candidates)  # a copy: the caller's list keeps its order
    result: list[list[int]] = []
    path: list[int] = []

    def extend(start: int, remaining: int) -> None:
        if remaining == 0:
            result.append(path[:])
            return
        for i in range(start, len(values)):
            if values[i] > remaining:
                break  # sorted: every later value is larger still
            path.append(values[i])
            extend(i, remaining - values[i])  # i, not i + 1: the same value may be used again
            path.pop()

    extend(0, target)
    return result
