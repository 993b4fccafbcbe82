# mlkata: matrix-multiply
# expect: runtime_error
# Raises a bare BaseException.


def matmul(a, b):
    raise BaseException("out of here")
