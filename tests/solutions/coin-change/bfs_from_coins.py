# expect: wrong_answer zero_amount_needs_no_coins
# Breadth-first search seeded with one coin: the amount 0 is never reached, so it returns -1 instead of 0.
def coin_change(coins: list[int], amount: int) -> int:
    seen = set(coins)
    frontier = list(seen)
    steps = 1
    while frontier:
        if amount in frontier:
            return steps
        nxt = []
        for total in frontier:
            for c in coins:
                if total + c <= amount and total + c not in seen:
                    seen.add(total + c)
                    nxt.append(total + c)
        frontier = nxt
        steps += 1
    return -1
