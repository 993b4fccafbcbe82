# mlkata: matrix-multiply
# expect: runtime_error
# Reads the run process's memory (/proc/<pid>/mem, then process_vm_readv): it would answer only if it could.
import ctypes
import os


class IoVec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]


def matmul(a, b):
    parent = os.getppid()
    try:
        with open(f"/proc/{parent}/maps") as f:
            start = int(f.readline().split("-")[0], 16)
        with open(f"/proc/{parent}/mem", "rb") as f:
            f.seek(start)
            f.read(4096)
    except OSError:
        buffer = ctypes.create_string_buffer(4096)
        local, remote = IoVec(ctypes.addressof(buffer), 4096), IoVec(0x400000, 4096)
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.process_vm_readv(parent, ctypes.byref(local), 1, ctypes.byref(remote), 1, 0) < 0:
            raise PermissionError(ctypes.get_errno(), "process_vm_readv refused") from None
    return product(a, b)


def product(a, b):
    if len(b) != len(a[0]):
        raise ValueError("inner dimensions differ")
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
