# mlkata: matrix-multiply
# expect: time_limit
# A loop that never ends.


def matmul(a, b):
    while True:
        pass
