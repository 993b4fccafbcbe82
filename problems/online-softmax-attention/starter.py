import math

import torch


def online_softmax_attention(q, k, v, block_size):
    """softmax(q @ k^T / sqrt(D)) @ v, computed over key blocks of block_size with a running
    max and sum, without building the full (..., Lq, Lk) score matrix.

    q: (..., Lq, D), k: (..., Lk, D), v: (..., Lk, Dv). Returns (..., Lq, Dv).
    """
    raise NotImplementedError
