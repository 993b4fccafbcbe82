# expect: wrong_answer input_is_not_modified
# Right combinations, but candidates.sort() reorders the caller's list.
def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    candidates.sort()
    result = []

    def go(start, path, remaining):
        if remaining == 0:
            result.append(path)
            return
        for i in range(start, len(candidates)):
            if candidates[i] > remaining:
                break
            go(i, path + [candidates[i]], remaining - candidates[i])

    go(0, [], target)
    return result
