# mlkata: matrix-multiply
# expect: runtime_error
# Reads address 0 through ctypes: a real segmentation fault.
import ctypes


def matmul(a, b):
    return ctypes.string_at(0)
