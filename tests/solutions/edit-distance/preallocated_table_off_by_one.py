# expect: runtime_error longest_strings_700_each
# Preallocates a 700 x 700 table for the longest strings, forgetting the extra row and column of the empty prefix.
MAX_LEN = 700


def edit_distance(word1: str, word2: str) -> int:
    n, m = len(word1), len(word2)
    dp = [[0] * MAX_LEN for _ in range(MAX_LEN)]  # dp[i][j] for prefixes of length i and j
    for i in range(n + 1):
        dp[i][0] = i
    for j in range(m + 1):
        dp[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if word1[i - 1] == word2[j - 1]:
                dp[i][j] = dp[i - 1][j - 1]
            else:
                dp[i][j] = 1 + min(dp[i - 1][j], dp[i][j - 1], dp[i - 1][j - 1])
    return dp[n][m]
