def edit_distance(word1: str, word2: str) -> int:
    """Levenshtein distance between word1 and word2 (bottom-up DP)."""
    n, m = len(word1), len(word2)
    # dp[i][j] = distance between word1[:i] and word2[:j].
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        dp[i][0] = i  # delete all i characters
    for j in range(m + 1):
        dp[0][j] = j  # insert all j characters
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if word1[i - 1] == word2[j - 1]:
                dp[i][j] = dp[i - 1][j - 1]
            else:
                dp[i][j] = 1 + min(
                    dp[i - 1][j],  # delete word1[i - 1]
                    dp[i][j - 1],  # insert word2[j - 1]
                    dp[i - 1][j - 1],  # substitute
                )
    return dp[n][m]
