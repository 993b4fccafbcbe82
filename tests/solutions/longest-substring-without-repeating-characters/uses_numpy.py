# expect: forbidden_api classic_examples
# Finds each character's previous occurrence with numpy: the statement allows the standard library only.
import numpy as np


def length_of_longest_substring(s: str) -> int:
    codes = np.array([ord(c) for c in s], dtype=np.int64)
    last_seen = {}
    left = best = 0
    for right, code in enumerate(codes.tolist()):
        if last_seen.get(code, -1) >= left:
            left = last_seen[code] + 1
        last_seen[code] = right
        best = max(best, right - left + 1)
    return best
