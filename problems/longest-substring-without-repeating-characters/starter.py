def length_of_longest_substring(s: str) -> int:
    """Length of the longest substring of s with no repeated character.

    s: 0 to 50 000 characters, any Unicode (each code point is one character).
    """
    raise NotImplementedError
