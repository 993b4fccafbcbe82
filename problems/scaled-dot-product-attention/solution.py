import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    """Return (out, weights): softmax(q @ k^T / sqrt(d_k)) @ v, with True in mask = may attend."""
    d_k = q.size(-1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights
