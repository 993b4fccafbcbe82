# mlkata: matrix-multiply
# expect: wrong_answer
# Makes isinstance always true, then returns a wrong product.
import builtins


def matmul(a, b):
    builtins.isinstance = lambda *args: True
    return [[0.0 for _ in b[0]] for _ in a]
