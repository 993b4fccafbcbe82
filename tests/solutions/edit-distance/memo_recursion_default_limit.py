# expect: runtime_error max_size_unequal_lengths
# Memoised recursion (right answers) that goes up to n + m calls deep without raising the recursion limit: RecursionError.
from functools import lru_cache


def edit_distance(word1: str, word2: str) -> int:
    @lru_cache(maxsize=None)
    def go(i, j):
        if i == len(word1):
            return len(word2) - j
        if j == len(word2):
            return len(word1) - i
        if word1[i] == word2[j]:
            return go(i + 1, j + 1)
        return 1 + min(go(i + 1, j), go(i, j + 1), go(i + 1, j + 1))

    return go(0, 0)
