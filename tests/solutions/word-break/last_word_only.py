# expect: wrong_answer whole_string_must_be_covered
# Only checks that s ends with a word whose start is reachable from some word end, treating position 0 and every word end as reachable even when the piece before it is not a word.
def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)
    starts = {0} | {i + len(w) for w in words for i in range(len(s)) if s.startswith(w, i)}
    return any(s.endswith(w) and len(s) - len(w) in starts for w in words)
