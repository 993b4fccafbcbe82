def word_break(s: str, word_dict: list[str]) -> bool:
    """Bottom-up DP: ok[i] is True when the prefix s[:i] can be segmented."""
    words = set(word_dict)
    lengths = {len(w) for w in words}  # only these word lengths can end at a position
    n = len(s)
    ok = [False] * (n + 1)
    ok[0] = True  # the empty prefix needs no word
    for end in range(1, n + 1):
        ok[end] = any(ok[end - k] and s[end - k : end] in words for k in lengths if k <= end)
    return ok[n]
