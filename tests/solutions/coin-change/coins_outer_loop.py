# expect: passed
# Correct alternative: the coin loop outside (unbounded knapsack order) and float('inf') as the sentinel.
def coin_change(coins: list[int], amount: int) -> int:
    best = [0.0] + [float("inf")] * amount
    for c in coins:
        for a in range(c, amount + 1):
            best[a] = min(best[a], best[a - c] + 1)
    return -1 if best[amount] == float("inf") else int(best[amount])
