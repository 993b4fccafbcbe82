# expect: wrong_answer classic_examples
# Computes the longest common contiguous run of tokens (substring), not the subsequence.
def rouge_l(candidate, reference, beta=1.0):
    cand, ref = candidate.split(), reference.split()
    if not cand or not ref:
        return (0.0, 0.0, 0.0)
    best = 0
    dp = [[0] * (len(ref) + 1) for _ in range(len(cand) + 1)]
    for i in range(1, len(cand) + 1):
        for j in range(1, len(ref) + 1):
            if cand[i - 1] == ref[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
                best = max(best, dp[i][j])
    if best == 0:
        return (0.0, 0.0, 0.0)
    p, r = best / len(cand), best / len(ref)
    return (p, r, (1 + beta**2) * p * r / (r + beta**2 * p))
