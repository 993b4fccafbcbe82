# expect: forbidden_api classic_examples
# Tries itertools.combinations_with_replacement for every length, which this problem forbids.
from itertools import combinations_with_replacement


def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    result = []
    for k in range(1, target // min(candidates) + 1):
        for combo in combinations_with_replacement(sorted(candidates), k):
            if sum(combo) == target:
                result.append(list(combo))
    return result
