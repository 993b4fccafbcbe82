# expect: wrong_answer unsorted_coins
# Stops at the first coin larger than the amount, as if the coins were sorted: later, smaller coins are never tried.
def coin_change(coins: list[int], amount: int) -> int:
    fewest = [0] + [amount + 1] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c > a:
                break
            fewest[a] = min(fewest[a], fewest[a - c] + 1)
    return fewest[amount] if fewest[amount] <= amount else -1
