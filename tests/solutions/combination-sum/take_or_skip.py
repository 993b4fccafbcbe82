# expect: passed
# Correct alternative: at index i either take candidates[i] again or move on to i + 1; no sorting needed.
def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    out = []

    def go(i, path, remaining):
        if remaining == 0:
            out.append(list(path))
            return
        if i == len(candidates) or remaining < 0:
            return
        path.append(candidates[i])
        go(i, path, remaining - candidates[i])
        path.pop()
        go(i + 1, path, remaining)

    go(0, [], target)
    return out
