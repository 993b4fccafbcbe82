# expect: runtime_error output_keeps_input_dtype
# Fills the heads into a torch.zeros buffer created without a dtype (float32): a float64 input loses its dtype and out_proj fails.
import math

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    """Multi-head attention with learned q/k/v/out projections (self- or cross-attention)."""

    def __init__(self, d_model, num_heads, bias=True):
        super().__init__()
        if num_heads <= 0 or d_model % num_heads != 0:
            raise ValueError(f"d_model={d_model} must be divisible by a positive num_heads={num_heads}")
        self.d_model = d_model
        self.num_heads = num_heads
        self.head_dim = d_model // num_heads
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)
        self.k_proj = nn.Linear(d_model, d_model, bias=bias)
        self.v_proj = nn.Linear(d_model, d_model, bias=bias)
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)

    def _split(self, x):
        # (B, L, d_model) -> (B, H, L, head_dim): split the features, then move heads forward.
        b, length, _ = x.shape
        return x.view(b, length, self.num_heads, self.head_dim).transpose(1, 2)

    def forward(self, query, key, value, mask=None):
        q = self._split(self.q_proj(query))
        k = self._split(self.k_proj(key))
        v = self._split(self.v_proj(value))
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)  # (B, H, Lq, Lk)
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        b, _, lq, _ = weights.shape
        out = torch.zeros(b, self.num_heads, lq, self.head_dim)  # filled head by head
        for h in range(self.num_heads):
            out[:, h] = weights[:, h] @ v[:, h]
        out = out.transpose(1, 2).reshape(b, lq, self.d_model)  # heads back side by side
        return self.out_proj(out)
