# expect: wrong_answer non_square_shapes
# The sum runs over range(len(a)) instead of the shared dimension: right only when a is square.
def matmul(a, b):
    if len(a[0]) != len(b):
        raise ValueError("shape mismatch")
    result = []
    for i in range(len(a)):
        row = []
        for j in range(len(b[0])):
            total = 0
            for k in range(len(a)):
                total += a[i][k] * b[k][j]
            row.append(total)
        result.append(row)
    return result
