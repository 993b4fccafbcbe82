# expect: wrong_answer words_can_be_reused
# Backtracking that removes each word from the dictionary once used: a word can appear only once.
def word_break(s: str, word_dict: list[str]) -> bool:
    def search(rest: str, available: frozenset) -> bool:
        if not rest:
            return True
        return any(rest.startswith(w) and search(rest[len(w):], available - {w}) for w in available)

    return search(s, frozenset(word_dict))
