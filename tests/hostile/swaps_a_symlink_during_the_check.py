# mlkata: matrix-multiply
# expect: runtime_error
# Flips a symlink between a harmless file and the reference from a second thread while opening it (a check-then-open race).
import ctypes
import os
import sys
import threading
import time


def matmul(a, b):
    package = os.path.dirname(sys.modules["mlkata.judge.api"].__file__)
    reference = os.path.realpath(os.path.join(package, "..", "..", "..", "problems", "matrix-multiply", "solution.py"))
    with open("harmless.py", "w") as f:
        f.write("# nothing\n")
    libc = ctypes.CDLL(None)
    done = []

    def flip():
        while not done:
            for target in (b"harmless.py", reference.encode()):
                libc.symlink(target, b"link.tmp")
                libc.rename(b"link.tmp", b"link.py")

    threading.Thread(target=flip, daemon=True).start()
    end = time.monotonic() + 0.5
    while time.monotonic() < end:
        try:
            with open("link.py") as f:
                text = f.read()
        except OSError:
            continue
        if "def matmul" in text:
            done.append(True)
            namespace = {}
            exec(text, namespace)
            return namespace["matmul"](a, b)
    done.append(True)
    raise PermissionError("never read the reference")
