# mlkata: matrix-multiply
# expect: runtime_error
# Finds the account's real home folder and writes there.
import os
import pwd


def matmul(a, b):
    home = pwd.getpwuid(os.getuid()).pw_dir
    with open(os.path.join(home, "mlkata-hostile-was-here.txt"), "w") as f:
        f.write("hello")
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
