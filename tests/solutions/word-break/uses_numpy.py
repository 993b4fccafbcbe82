# expect: forbidden_api classic_examples
# Keeps the reachable positions in a numpy array, which this problem forbids (plain Python only).
import numpy as np


def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)
    ok = np.zeros(len(s) + 1, dtype=bool)
    ok[0] = True
    for end in range(1, len(s) + 1):
        ok[end] = any(ok[start] and s[start:end] in words for start in range(end))
    return bool(ok[-1])
