# expect: wrong_answer classic_examples
# Lets every position take any candidate: [2, 2, 3], [2, 3, 2] and [3, 2, 2] are all returned.
def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    result = []

    def go(path, remaining):
        if remaining == 0:
            result.append(path)
            return
        for c in candidates:
            if c <= remaining:
                go(path + [c], remaining - c)

    go([], target)
    return result
