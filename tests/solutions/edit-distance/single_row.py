# expect: passed
# Correct alternative: O(min(n, m)) memory with one row and the saved diagonal value.
def edit_distance(word1: str, word2: str) -> int:
    if len(word2) > len(word1):
        word1, word2 = word2, word1
    row = list(range(len(word2) + 1))  # distances from the empty prefix of word1
    for i, a in enumerate(word1, start=1):
        diagonal, row[0] = row[0], i
        for j, b in enumerate(word2, start=1):
            above = row[j]
            row[j] = diagonal if a == b else 1 + min(above, row[j - 1], diagonal)
            diagonal = above
    return row[-1]
