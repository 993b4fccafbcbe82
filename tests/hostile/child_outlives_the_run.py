# mlkata: matrix-multiply
# expect: runtime_error
# Starts a process in a session of its own that would outlive the run: no judged process may start one.
import subprocess


def matmul(a, b):
    subprocess.Popen(["sleep", "300"], start_new_session=True)
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
