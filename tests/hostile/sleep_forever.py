# mlkata: matrix-multiply
# expect: time_limit
# Sleeps (no CPU used): only the wall-clock limit ends it.
import time


def matmul(a, b):
    time.sleep(1e9)
