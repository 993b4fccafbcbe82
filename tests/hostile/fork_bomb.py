# mlkata: matrix-multiply
# expect: runtime_error
# Forks without end: the judged process may start no process at all.
import os


def matmul(a, b):
    while True:
        os.fork()
