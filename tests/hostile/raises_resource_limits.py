# mlkata: matrix-multiply
# expect: memory_limit
# Tries to lift the memory limit, then allocates 50 GB.
import resource


def matmul(a, b):
    try:
        resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    except (OSError, ValueError):
        pass
    block = bytearray(50 * 10**9)
    return [[len(block)]]
