def longest_common_subsequence(text1: str, text2: str) -> int:
    """Length of the longest common subsequence of text1 and text2.

    text1, text2: 0 to 1000 lowercase letters each. A subsequence keeps the order of the
    characters but need not be contiguous. Return 0 when there is no common character.
    """
    raise NotImplementedError
