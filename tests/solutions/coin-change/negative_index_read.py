# expect: runtime_error coins_larger_than_amount
# No check that the coin fits: fewest[a - c] with a < c silently reads from the end of the list (or raises IndexError).
def coin_change(coins: list[int], amount: int) -> int:
    fewest = [0] + [amount + 1] * amount
    for a in range(1, amount + 1):
        for c in coins:
            fewest[a] = min(fewest[a], fewest[a - c] + 1)
    return fewest[amount] if fewest[amount] <= amount else -1
