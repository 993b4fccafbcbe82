# mlkata: matrix-multiply
# expect: memory_limit
# Asks for 50 GB at once.


def matmul(a, b):
    block = bytearray(50 * 10**9)
    return [[len(block)]]
