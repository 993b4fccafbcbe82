# expect: passed
# Correct alternative: breadth-first search from 0 over reachable amounts; level k holds the amounts made with k coins.
def coin_change(coins: list[int], amount: int) -> int:
    if amount == 0:
        return 0
    seen = [False] * (amount + 1)
    seen[0] = True
    frontier = [0]
    steps = 0
    while frontier:
        steps += 1
        nxt = []
        for total in frontier:
            for c in coins:
                t = total + c
                if t == amount:
                    return steps
                if t < amount and not seen[t]:
                    seen[t] = True
                    nxt.append(t)
        frontier = nxt
    return -1
