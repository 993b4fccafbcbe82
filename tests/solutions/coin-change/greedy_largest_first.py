# expect: wrong_answer greedy_largest_first_fails
# Greedy: take as many of the largest coin as fit, then the next; optimal only for canonical coin systems.
def coin_change(coins: list[int], amount: int) -> int:
    count = 0
    for c in sorted(coins, reverse=True):
        count += amount // c
        amount %= c
    return count if amount == 0 else -1
