# mlkata: matrix-multiply
# expect: time_limit
# Ignores SIGTERM and SIGALRM, then loops: the judge kills with SIGKILL.
import signal


def matmul(a, b):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, signal.SIG_IGN)
    while True:
        pass
