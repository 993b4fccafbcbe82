import math

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    """Multi-head attention with learned q/k/v/out projections (self- or cross-attention)."""

    def __init__(self, d_model, num_heads, bias=True):
        """Create q_proj, k_proj, v_proj, out_proj = nn.Linear(d_model, d_model, bias=bias).

        Raise ValueError if num_heads <= 0 or d_model % num_heads != 0.
        """
        super().__init__()
        raise NotImplementedError

    def forward(self, query, key, value, mask=None):
        """query: (B, Lq, d_model), key/value: (B, Lk, d_model), mask: bool, True = may attend,
        broadcastable to (B, num_heads, Lq, Lk). Returns (B, Lq, d_model)."""
        raise NotImplementedError
