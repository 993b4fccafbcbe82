def is_valid(s: str) -> bool:
    """True if every bracket in s is closed by the same type of bracket in the right order.

    s holds only the characters ()[]{}; the empty string is valid.
    """
    raise NotImplementedError
