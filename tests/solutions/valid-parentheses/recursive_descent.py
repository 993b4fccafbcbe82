# expect: runtime_error deep_nesting_5000_levels
# A recursive parser, one call per open bracket: correct, but 5000 nested brackets exceed the default recursion limit.
CLOSER = {"(": ")", "[": "]", "{": "}"}


def _group(s, i):
    """Parse balanced groups from i; return the index after them, or -1 on an error."""
    while i < len(s) and s[i] in CLOSER:
        j = _group(s, i + 1)
        if j == -1 or j >= len(s) or s[j] != CLOSER[s[i]]:
            return -1
        i = j + 1
    return i


def is_valid(s: str) -> bool:
    return _group(s, 0) == len(s)
