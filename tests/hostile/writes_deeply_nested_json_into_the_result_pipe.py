# mlkata: matrix-multiply
# expect: runtime_error
# Writes a million nested brackets into the result pipe (the run process's JSON parser would recurse to death).
import os
import stat


def matmul(a, b):
    for fd in range(3, 64):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                os.write(fd, b"[" * 1_000_000 + b"\n")
        except OSError:
            continue
    os._exit(0)
