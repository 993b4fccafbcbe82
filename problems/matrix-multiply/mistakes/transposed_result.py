# mistake: matches (a @ b) transposed: result[i][j] is row i of a times column j of b
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    if len(a[0]) != m:
        raise ValueError("shape mismatch")
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for i in range(n)] for j in range(p)]
