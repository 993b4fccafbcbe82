# expect: passed
# Correct alternative: O(min(n, m)) memory with one row and a saved diagonal value.
def longest_common_subsequence(text1: str, text2: str) -> int:
    if len(text2) > len(text1):
        text1, text2 = text2, text1
    row = [0] * (len(text2) + 1)
    for a in text1:
        diagonal = 0  # row[j - 1] of the previous row
        for j, b in enumerate(text2, start=1):
            above = row[j]
            row[j] = diagonal + 1 if a == b else max(above, row[j - 1])
            diagonal = above
    return row[-1]
