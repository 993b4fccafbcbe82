# mlkata: matrix-multiply
# expect: output_limit
# Prints 100 MB, then returns the right answer.


def matmul(a, b):
    print("x" * 100_000_000)
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
