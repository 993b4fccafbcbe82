# expect: wrong_answer outputs_keep_input_dtype
# Takes the softmax in float32 for stability and casts back only for the product with v: the returned weights stay float32.
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    """Return (out, weights): softmax(q @ k^T / sqrt(d_k)) @ v, with True in mask = may attend."""
    d_k = q.size(-1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1, dtype=torch.float32)  # softmax in float32 for stability
    return weights.to(v.dtype) @ v, weights
