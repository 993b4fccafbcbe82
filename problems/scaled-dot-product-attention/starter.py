import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    """Return (out, weights): softmax(q @ k^T / sqrt(d_k)) @ v, with True in mask = may attend.

    q: (..., Lq, Dk), k: (..., Lk, Dk), v: (..., Lk, Dv), mask: bool, broadcastable to (..., Lq, Lk).
    """
    raise NotImplementedError
