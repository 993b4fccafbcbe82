# expect: passed
# Correct alternative: a full DP table filled from the ends, and F written as a weighted harmonic mean.
def rouge_l(candidate, reference, beta=1.0):
    a, b = candidate.split(), reference.split()
    m, n = len(a), len(b)
    if m == 0 or n == 0:
        return (0.0, 0.0, 0.0)
    table = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    ell = table[0][0]
    if ell == 0:
        return (0.0, 0.0, 0.0)
    p = ell / m
    r = ell / n
    w = beta * beta
    f = 1.0 / ((1.0 / (1.0 + w)) / p + (w / (1.0 + w)) / r)
    return (float(p), float(r), float(f))
