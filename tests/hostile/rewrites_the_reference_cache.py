# mlkata: matrix-multiply
# expect: runtime_error
# Finds the reference cache (in the judge's own job, up the stack) and empties every expected output in it
# through a directory handle, so that the next correct solution is rejected.
import os
import sys


def matmul(a, b):
    frame = sys._getframe()
    while frame is not None and not hasattr(frame.f_locals.get("run"), "job"):
        frame = frame.f_back
    cache = frame.f_locals["run"].job["private"][-1]
    above = os.open(os.path.dirname(cache), os.O_RDONLY | os.O_DIRECTORY)
    folder = os.open(os.path.basename(cache), os.O_RDONLY | os.O_DIRECTORY, dir_fd=above)
    for name in os.listdir(folder):
        fd = os.open(name, os.O_WRONLY | os.O_TRUNC, dir_fd=folder)
        os.write(fd, b"{}")
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
