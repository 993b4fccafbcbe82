def coin_change(coins: list[int], amount: int) -> int:
    """Bottom-up DP: fewest[a] is the fewest coins summing to a (unreachable: amount + 1)."""
    unreachable = amount + 1  # more coins than any real answer can need (every coin is >= 1)
    fewest = [0] + [unreachable] * amount
    for a in range(1, amount + 1):
        for coin in coins:
            if coin <= a:  # a larger coin cannot be the last one (and a - coin would be negative)
                fewest[a] = min(fewest[a], fewest[a - coin] + 1)
    return fewest[amount] if fewest[amount] < unreachable else -1
