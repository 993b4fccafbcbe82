# expect: wrong_answer greedy_longest_match_fails
# Greedy: at each position take the longest dictionary word that fits, never reconsidering.
def word_break(s: str, word_dict: list[str]) -> bool:
    words = sorted(word_dict, key=len, reverse=True)
    i = 0
    while i < len(s):
        for w in words:
            if s.startswith(w, i):
                i += len(w)
                break
        else:
            return False
    return True
