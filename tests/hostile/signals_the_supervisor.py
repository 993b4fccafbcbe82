# mlkata: matrix-multiply
# expect: runtime_error
# Stops the run process that supervises it (SIGSTOP, then SIGCONT to leave no trace), through the syscall itself.
import ctypes
import os
import signal


def matmul(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    parent = os.getppid()
    if libc.kill(parent, signal.SIGSTOP) != 0:
        raise PermissionError(ctypes.get_errno(), f"kill({parent}, SIGSTOP) refused")
    libc.kill(parent, signal.SIGCONT)
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
