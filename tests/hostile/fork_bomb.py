# mlkata: matrix-multiply
# expect: runtime_error
# Forks without end: the judged process may start a few processes, its children none.
import os


def matmul(a, b):
    while True:
        os.fork()
