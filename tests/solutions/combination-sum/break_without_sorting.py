# expect: wrong_answer unsorted_candidates
# Prunes with `break` as if candidates were sorted: on [7, 3, 2] a too-large 7 stops the loop before 3 and 2.
def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    result = []
    path = []

    def go(start, remaining):
        if remaining == 0:
            result.append(path[:])
            return
        for i in range(start, len(candidates)):
            if candidates[i] > remaining:
                break
            path.append(candidates[i])
            go(i, remaining - candidates[i])
            path.pop()

    go(0, target)
    return result
