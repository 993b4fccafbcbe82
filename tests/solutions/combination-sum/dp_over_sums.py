# expect: passed
# Correct alternative: coin-change style DP, candidates in the outer loop so each multiset is built once.
def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    ways = [[] for _ in range(target + 1)]
    ways[0] = [[]]
    for c in candidates:
        for s in range(c, target + 1):
            ways[s] += [combo + [c] for combo in ways[s - c]]
    return ways[target]
