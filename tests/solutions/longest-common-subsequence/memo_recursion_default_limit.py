# expect: runtime_error max_size_random_letters
# Memoised recursion (right answers) that goes up to n + m = 2000 calls deep without raising the recursion limit: RecursionError.
from functools import lru_cache


def longest_common_subsequence(text1: str, text2: str) -> int:
    @lru_cache(maxsize=None)
    def go(i, j):
        if i == len(text1) or j == len(text2):
            return 0
        if text1[i] == text2[j]:
            return 1 + go(i + 1, j + 1)
        return max(go(i + 1, j), go(i, j + 1))

    return go(0, 0)
