# expect: wrong_answer small_known_product
# Builds the result with [[0] * p] * n: every row is the same list, so all rows accumulate together.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    if len(a[0]) != m:
        raise ValueError("shape mismatch")
    result = [[0] * p] * n
    for i in range(n):
        for j in range(p):
            for k in range(m):
                result[i][j] += a[i][k] * b[k][j]
    return result
