# expect: time_limit backtracking_needs_memoisation
# Right answers, but backtracking without memoisation re-explores every split of "aaa...a": exponential.
def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)

    def can(start: int) -> bool:
        if start == len(s):
            return True
        return any(s[start:end] in words and can(end) for end in range(start + 1, len(s) + 1))

    return can(0)
