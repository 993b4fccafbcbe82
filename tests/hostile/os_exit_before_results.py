# mlkata: matrix-multiply
# expect: runtime_error
# Ends the process with status 0 before any result is sent.
import os


def matmul(a, b):
    os._exit(0)
