# expect: wrong_answer greedy_matching_fails
# Off-by-one: an n x m table without the empty-prefix row/column, so dp[i - 1][j - 1] at j = 0 wraps to the previous row's last entry.
def longest_common_subsequence(text1: str, text2: str) -> int:
    n, m = len(text1), len(text2)
    if n == 0 or m == 0:
        return 0
    dp = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            if text1[i] == text2[j]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    return dp[n - 1][m - 1]
