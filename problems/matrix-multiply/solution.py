def matmul(a, b):
    """Return a @ b for matrices given as lists of rows (a: n x m, b: m x p -> n x p)."""
    n, m, p = len(a), len(a[0]), len(b[0])
    if len(b) != m:
        raise ValueError(f"inner dimensions differ: a is {n}x{m}, b is {len(b)}x{p}")
    result = []
    for row in a:
        out = [0.0] * p
        # i-k-j order: scale row k of b by a[i][k] and add it, reading b row by row.
        for a_ik, b_row in zip(row, b):
            for j in range(p):
                out[j] += a_ik * b_row[j]
        result.append(out)
    return result
