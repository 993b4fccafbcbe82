# mlkata: matrix-multiply
# expect: runtime_error
# Looks for the problem's solution.py and tests.py next to the harness and reads them.
import os
import sys


def matmul(a, b):
    package = os.path.dirname(sys.modules["mlkata.judge.api"].__file__)
    for root in (os.path.join(package, "..", "problems"), os.path.join(package, "..", "..", "..", "problems")):
        for name in ("solution.py", "tests.py"):
            path = os.path.join(root, "matrix-multiply", name)
            if os.path.exists(path):
                with open(path) as f:
                    f.read()
    raise AssertionError("found nothing to read")
