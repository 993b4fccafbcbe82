import math

import torch
import torch.nn as nn


class PrefixTuningAttention(nn.Module):
    """Causal multi-head self-attention with frozen projections and trainable per-head
    key/value prefixes, prepended to the keys/values of the tokens."""

    def __init__(self, d_model, num_heads, prefix_len):
        """q_proj, k_proj, v_proj, out_proj = nn.Linear(d_model, d_model), frozen.
        prefix_keys, prefix_values: nn.Parameter (num_heads, prefix_len, head_dim), trainable."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x, causal=True):
        """x: (B, L, d_model) -> (B, L, d_model). Token i attends to every prefix slot and,
        if causal, to tokens 0..i (all tokens otherwise)."""
        raise NotImplementedError
