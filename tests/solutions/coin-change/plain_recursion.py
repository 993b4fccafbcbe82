# expect: time_limit plain_recursion_is_too_slow
# Right recurrence, but plain recursion without memoisation solves the same remaining amounts again and again.
def coin_change(coins: list[int], amount: int) -> int:
    def fewest(rest: int) -> float:
        if rest == 0:
            return 0
        best = float("inf")
        for c in coins:
            if c <= rest:
                best = min(best, fewest(rest - c) + 1)
        return best

    result = fewest(amount)
    return -1 if result == float("inf") else int(result)
