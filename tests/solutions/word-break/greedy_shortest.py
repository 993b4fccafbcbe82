# expect: wrong_answer greedy_shortest_match_fails
# Cuts as soon as the current piece is a word (the shortest match), so a longer word is never tried.
def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)
    start = 0
    for end in range(1, len(s) + 1):
        if s[start:end] in words:
            start = end
    return start == len(s)
