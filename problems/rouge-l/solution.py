def rouge_l(candidate: str, reference: str, beta: float = 1.0) -> tuple[float, float, float]:
    """LCS of the token lists by a bottom-up DP over two rows, then P, R and F_beta."""
    cand, ref = candidate.split(), reference.split()
    if not cand or not ref:
        return (0.0, 0.0, 0.0)
    prev = [0] * (len(ref) + 1)
    for token in cand:
        cur = [0] * (len(ref) + 1)
        for j, other in enumerate(ref, start=1):
            if token == other:
                cur[j] = prev[j - 1] + 1
            else:
                cur[j] = max(prev[j], cur[j - 1])
        prev = cur
    lcs = prev[len(ref)]
    if lcs == 0:
        return (0.0, 0.0, 0.0)
    precision = lcs / len(cand)
    recall = lcs / len(ref)
    b2 = beta**2
    f = (1 + b2) * precision * recall / (recall + b2 * precision)
    return (precision, recall, f)
