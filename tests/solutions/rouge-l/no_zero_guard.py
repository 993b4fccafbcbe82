# expect: runtime_error no_common_token_gives_zeros
# Handles empty texts but divides by P + R when the LCS is 0.
def rouge_l(candidate, reference, beta=1.0):
    cand, ref = candidate.split(), reference.split()
    if not cand or not ref:
        return (0.0, 0.0, 0.0)
    prev = [0] * (len(ref) + 1)
    for t in cand:
        cur = [0]
        for j, u in enumerate(ref, 1):
            cur.append(prev[j - 1] + 1 if t == u else max(prev[j], cur[j - 1]))
        prev = cur
    lcs = prev[-1]
    p, r = lcs / len(cand), lcs / len(ref)
    return (p, r, (1 + beta**2) * p * r / (r + beta**2 * p))
