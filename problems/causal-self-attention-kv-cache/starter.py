import math

import torch
from torch import nn


class CausalSelfAttention(nn.Module):
    """Multi-head causal self-attention that accepts and returns a KV cache."""

    def __init__(self, d_model, num_heads):
        """Create q_proj, k_proj, v_proj, out_proj = nn.Linear(d_model, d_model) (with bias).

        Raise ValueError if num_heads <= 0 or d_model % num_heads != 0.
        """
        super().__init__()
        raise NotImplementedError

    def forward(self, x, past_kv=None):
        """x: (B, T, d_model), the new tokens. past_kv: None or (k, v), each
        (B, num_heads, T_past, d_model // num_heads).

        Returns (out, (k, v)): out (B, T, d_model); k, v (B, num_heads, T_past + T, head_dim),
        the past keys/values followed by those of the new tokens.
        """
        raise NotImplementedError
