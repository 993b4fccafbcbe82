# mlkata: matrix-multiply
# expect: output_limit
# Prints past the output limit, then writes its own result line saying it printed nothing (stdout_bytes 0).
import json
import os
import stat
import sys


def matmul(a, b):
    out = product(a, b)
    sys.stdout.write("x" * (2 * 1024 * 1024))
    sys.stdout.flush()
    wire = sys.modules["mlkata.judge.wire"]
    line = json.dumps({"status": "ok", "output": wire.encode(out), "duration_ms": 1.0, "stdout": "", "stdout_bytes": 0})
    for fd in range(3, 64):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                os.write(fd, (line + "\n").encode())
        except OSError:
            continue
    return out


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
