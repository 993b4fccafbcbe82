# expect: passed
# Correct alternative: top-down recursion memoised on the start position, one frame per level (at most 301 deep).
def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)
    lengths = sorted({len(w) for w in words})
    memo: dict[int, bool] = {}

    def can(start: int) -> bool:
        if start == len(s):
            return True
        if start not in memo:
            memo[start] = False
            for k in lengths:
                if s[start : start + k] in words and can(start + k):
                    memo[start] = True
                    break
        return memo[start]

    return can(0)
