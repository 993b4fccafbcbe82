# mlkata: matrix-multiply
# expect: runtime_error
# Raises KeyboardInterrupt, which except Exception would not catch.


def matmul(a, b):
    raise KeyboardInterrupt
