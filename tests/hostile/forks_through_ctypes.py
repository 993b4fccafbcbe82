# mlkata: matrix-multiply
# expect: runtime_error
# Forks through libc (no audit event): the kernel refuses a new process; the child would have answered.
import ctypes
import os


def matmul(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    pid = libc.fork()
    if pid == 0:
        libc.sleep(300)  # a process that outlives the run, if it could start
        os._exit(0)
    if pid < 0:
        raise OSError(ctypes.get_errno(), "fork through libc refused")
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
