# mlkata: matrix-multiply
# expect: runtime_error
# Opens the folder above the bank as a directory handle and reads the reference relative to it (os.open with dir_fd).
import os
import sys


def matmul(a, b):
    package = os.path.dirname(sys.modules["mlkata.judge.api"].__file__)
    above = os.open(os.path.join(package, "..", "..", ".."), os.O_RDONLY | os.O_DIRECTORY)
    fd = os.open("problems/matrix-multiply/solution.py", os.O_RDONLY, dir_fd=above)
    namespace = {}
    exec(os.read(fd, 1 << 20).decode(), namespace)
    return namespace["matmul"](a, b)
