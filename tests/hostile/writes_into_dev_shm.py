# mlkata: matrix-multiply
# expect: runtime_error
# Leaves a file in /dev/shm (shared memory, never cleaned), then answers correctly.
import os


def matmul(a, b):
    fd = os.open("/dev/shm/mlkata-hostile-was-here", os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b"hello")
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
