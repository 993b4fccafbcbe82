# mlkata: matrix-multiply
# expect: wrong_answer
# Replaces the judge's comparison functions wherever it can find them, then answers wrongly.
import sys


def matmul(a, b):
    for name, module in list(sys.modules.items()):
        if name.startswith("mlkata"):
            for attr in ("same", "close", "require", "collect"):
                if hasattr(module, attr):
                    setattr(module, attr, lambda *args, **kwargs: None)
    return [[0.0 for _ in b[0]] for _ in a]
