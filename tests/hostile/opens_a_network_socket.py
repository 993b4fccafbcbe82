# mlkata: matrix-multiply
# expect: runtime_error
# Tries to connect out.
import socket


def matmul(a, b):
    socket.create_connection(("127.0.0.1", 9), timeout=1)
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
