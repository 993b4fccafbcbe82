# expect: runtime_error backtracking_needs_memoisation
# Memoised recursion through lru_cache and any(<generator>): about three frames per level (function, cache wrapper, generator), past the default recursion limit at len(s) = 300.
from functools import lru_cache


def word_break(s: str, word_dict: list[str]) -> bool:
    words = tuple(word_dict)

    @lru_cache(maxsize=None)
    def can(start: int) -> bool:
        if start == len(s):
            return True
        return any(s.startswith(w, start) and can(start + len(w)) for w in words)

    return can(0)
