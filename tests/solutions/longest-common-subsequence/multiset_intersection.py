# expect: wrong_answer classic_examples
# Counts the common letters (multiset intersection), ignoring their order.
from collections import Counter


def longest_common_subsequence(text1: str, text2: str) -> int:
    return sum((Counter(text1) & Counter(text2)).values())
