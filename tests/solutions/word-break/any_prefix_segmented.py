# expect: wrong_answer classic_examples
# Returns True as soon as any word ends at a reachable position: checks a segmented prefix, not all of s.
def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)
    ok = [False] * (len(s) + 1)
    ok[0] = True
    for end in range(1, len(s) + 1):
        ok[end] = any(ok[start] and s[start:end] in words for start in range(end))
    return any(ok[1:])
