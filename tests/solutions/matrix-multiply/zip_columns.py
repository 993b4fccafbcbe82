# expect: passed
# Correct alternative: transpose b once with zip(*b), then one dot product per (row, column) pair.
def matmul(a, b):
    if len(a[0]) != len(b):
        raise ValueError("a has %d columns but b has %d rows" % (len(a[0]), len(b)))
    columns = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in columns] for row in a]
