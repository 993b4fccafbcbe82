import math

import torch
from torch import nn


class GroupedQueryAttention(nn.Module):
    """Causal self-attention with n_heads query heads sharing n_kv_heads key/value heads."""

    def __init__(self, d_model, n_heads, n_kv_heads):
        """head_dim = d_model // n_heads. Create, all without bias:
        q_proj = nn.Linear(d_model, n_heads * head_dim), k_proj and v_proj =
        nn.Linear(d_model, n_kv_heads * head_dim), o_proj = nn.Linear(n_heads * head_dim, d_model).

        Raise ValueError unless n_heads > 0, n_kv_heads > 0, d_model % n_heads == 0 and
        n_heads % n_kv_heads == 0.
        """
        super().__init__()
        raise NotImplementedError

    def forward(self, x):
        """x: (B, L, d_model) -> (B, L, d_model). Causal: token i attends to tokens 0..i.
        Query head h uses key/value head h // (n_heads // n_kv_heads)."""
        raise NotImplementedError
