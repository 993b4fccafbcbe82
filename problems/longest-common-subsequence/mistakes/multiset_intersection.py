# mistake: matches the count of common letters: the order of the letters matters
from collections import Counter


def longest_common_subsequence(text1: str, text2: str) -> int:
    return sum((Counter(text1) & Counter(text2)).values())
