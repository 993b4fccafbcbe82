# expect: runtime_error long_texts_bottom_up
# A memoised recursive LCS: right on short texts, RecursionError at 700 tokens each.
from functools import lru_cache


def rouge_l(candidate, reference, beta=1.0):
    cand, ref = candidate.split(), reference.split()
    if not cand or not ref:
        return (0.0, 0.0, 0.0)

    @lru_cache(maxsize=None)
    def lcs(i, j):
        if i == len(cand) or j == len(ref):
            return 0
        if cand[i] == ref[j]:
            return 1 + lcs(i + 1, j + 1)
        return max(lcs(i + 1, j), lcs(i, j + 1))

    ell = lcs(0, 0)
    if ell == 0:
        return (0.0, 0.0, 0.0)
    p, r = ell / len(cand), ell / len(ref)
    return (p, r, (1 + beta**2) * p * r / (r + beta**2 * p))
