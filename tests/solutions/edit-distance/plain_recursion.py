# expect: time_limit medium_strings_need_polynomial_time
# Correct recurrence but plain recursion without memoisation: exponential time.
def edit_distance(word1: str, word2: str) -> int:
    def go(i, j):
        if i == len(word1):
            return len(word2) - j
        if j == len(word2):
            return len(word1) - i
        if word1[i] == word2[j]:
            return go(i + 1, j + 1)
        return 1 + min(go(i + 1, j), go(i, j + 1), go(i + 1, j + 1))

    return go(0, 0)
