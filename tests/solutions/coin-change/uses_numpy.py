# expect: forbidden_api classic_examples
# Fills the table with numpy, which this problem forbids (plain Python only).
import numpy as np


def coin_change(coins: list[int], amount: int) -> int:
    fewest = np.full(amount + 1, amount + 1)
    fewest[0] = 0
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a:
                fewest[a] = min(fewest[a], fewest[a - c] + 1)
    return int(fewest[amount]) if fewest[amount] <= amount else -1
