# expect: wrong_answer greedy_matching_fails
# Greedy: match each letter of text1 at its first occurrence in text2 after the previous match.
def longest_common_subsequence(text1: str, text2: str) -> int:
    j = 0
    count = 0
    for c in text1:
        k = text2.find(c, j)
        if k != -1:
            count += 1
            j = k + 1
    return count
