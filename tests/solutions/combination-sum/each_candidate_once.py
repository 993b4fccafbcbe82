# expect: wrong_answer classic_examples
# Recurses with i + 1, so a candidate can be used only once: [2, 2, 3] is never found.
def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    values = sorted(candidates)
    result = []
    path = []

    def go(start, remaining):
        if remaining == 0:
            result.append(path[:])
            return
        for i in range(start, len(values)):
            if values[i] > remaining:
                break
            path.append(values[i])
            go(i + 1, remaining - values[i])
            path.pop()

    go(0, target)
    return result
