# mistake: the sum ran over the rows of a: it runs over the shared dimension (columns of a, rows of b)
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
