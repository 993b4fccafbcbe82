# expect: runtime_error max_size_inputs
# Memoised recursion (right answers) that goes amount / min(coins) = 10^4 calls deep without raising the recursion limit: RecursionError.
from functools import lru_cache


def coin_change(coins: list[int], amount: int) -> int:
    @lru_cache(maxsize=None)
    def fewest(rest: int) -> float:
        if rest == 0:
            return 0
        return min((fewest(rest - c) + 1 for c in coins if c <= rest), default=float("inf"))

    result = fewest(amount)
    return -1 if result == float("inf") else int(result)
