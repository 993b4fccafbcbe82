# expect: wrong_answer impossible_amount_returns_minus_one
# Returns the table entry as is: an impossible amount comes back as the sentinel amount + 1 instead of -1.
def coin_change(coins: list[int], amount: int) -> int:
    fewest = [0] + [amount + 1] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a:
                fewest[a] = min(fewest[a], fewest[a - c] + 1)
    return fewest[amount]
