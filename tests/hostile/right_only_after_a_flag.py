# mlkata: matrix-multiply
# expect: wrong_answer
# Right only once an earlier test has set a flag outside the module (in builtins).
import builtins


def matmul(a, b):
    if not getattr(builtins, "_seen_before", False):
        builtins._seen_before = True
        return [[0.0 for _ in b[0]] for _ in a]
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
