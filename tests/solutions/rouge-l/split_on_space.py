# expect: wrong_answer whitespace_tokenisation
# Tokenises with split(" "): runs of spaces give empty tokens and tabs/newlines stay inside tokens.
def rouge_l(candidate, reference, beta=1.0):
    if not candidate.strip() or not reference.strip():
        return (0.0, 0.0, 0.0)
    cand, ref = candidate.split(" "), reference.split(" ")
    prev = [0] * (len(ref) + 1)
    for t in cand:
        cur = [0]
        for j, u in enumerate(ref, 1):
            cur.append(prev[j - 1] + 1 if t == u else max(prev[j], cur[j - 1]))
        prev = cur
    lcs = prev[-1]
    if lcs == 0:
        return (0.0, 0.0, 0.0)
    p, r = lcs / len(cand), lcs / len(ref)
    return (p, r, (1 + beta**2) * p * r / (r + beta**2 * p))
