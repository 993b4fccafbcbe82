# expect: wrong_answer precision_and_recall_use_their_own_lengths
# Divides by the reference length for precision and the candidate length for recall.
def rouge_l(candidate, reference, beta=1.0):
    cand, ref = candidate.split(), reference.split()
    if not cand or not ref:
        return (0.0, 0.0, 0.0)
    dp = [[0] * (len(ref) + 1) for _ in range(len(cand) + 1)]
    for i in range(1, len(cand) + 1):
        for j in range(1, len(ref) + 1):
            if cand[i - 1] == ref[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    lcs = dp[-1][-1]
    if lcs == 0:
        return (0.0, 0.0, 0.0)
    p, r = lcs / len(ref), lcs / len(cand)
    return (p, r, (1 + beta**2) * p * r / (r + beta**2 * p))
