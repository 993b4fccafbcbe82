# expect: wrong_answer small_known_product
# Indexes swapped when building the result: returns (a @ b) transposed, a list per column of b.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    if len(a[0]) != m:
        raise ValueError("shape mismatch")
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for i in range(n)] for j in range(p)]
