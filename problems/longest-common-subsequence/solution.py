def longest_common_subsequence(text1: str, text2: str) -> int:
    """Length of the longest common subsequence of text1 and text2 (bottom-up DP)."""
    n, m = len(text1), len(text2)
    # dp[i][j] = LCS of text1[:i] and text2[:j]; row 0 and column 0 are the empty prefixes.
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if text1[i - 1] == text2[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    return dp[n][m]
