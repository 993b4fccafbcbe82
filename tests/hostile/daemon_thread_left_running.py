# mlkata: matrix-multiply
# expect: passed
# Leaves a busy daemon thread behind, then answers correctly.
import threading


def spin():
    while True:
        pass


def matmul(a, b):
    threading.Thread(target=spin, daemon=True).start()
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
