# expect: wrong_answer non_square_shapes
# Assumes n x n inputs: every loop runs over len(a), so the result is n x n.
def matmul(a, b):
    if len(a[0]) != len(b):
        raise ValueError("shape mismatch")
    n = len(a)
    result = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            for k in range(n):
                result[i][j] += a[i][k] * b[k][j]
    return result
