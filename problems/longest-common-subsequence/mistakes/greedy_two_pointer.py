# mistake: matches a greedy first-match scan: greedy choices are not optimal, use dynamic programming
def longest_common_subsequence(text1: str, text2: str) -> int:
    j = 0
    count = 0
    for c in text1:
        k = text2.find(c, j)
        if k != -1:
            count += 1
            j = k + 1
    return count
