# mlkata: matrix-multiply
# expect: passed
# Writes into ~ (which is the run's scratch folder), then answers correctly.
import os


def matmul(a, b):
    with open(os.path.join(os.path.expanduser("~"), "mlkata-hostile-was-here.txt"), "w") as f:
        f.write("hello")
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
