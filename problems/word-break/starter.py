def word_break(s: str, word_dict: list[str]) -> bool:
    """True if s is a concatenation of words from word_dict (each reusable), covering all of s."""
    raise NotImplementedError
