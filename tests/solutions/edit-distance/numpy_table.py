# expect: forbidden_api classic_examples
# Builds the table with numpy: the statement allows the standard library only (numpy is forbidden).
import numpy as np


def edit_distance(word1: str, word2: str) -> int:
    n, m = len(word1), len(word2)
    dp = np.zeros((n + 1, m + 1), dtype=np.int64)
    dp[:, 0] = np.arange(n + 1)
    dp[0, :] = np.arange(m + 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if word1[i - 1] == word2[j - 1]:
                dp[i, j] = dp[i - 1, j - 1]
            else:
                dp[i, j] = 1 + min(dp[i - 1, j], dp[i, j - 1], dp[i - 1, j - 1])
    return int(dp[n, m])
