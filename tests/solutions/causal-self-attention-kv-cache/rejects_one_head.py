# expect: runtime_error single_head_is_valid
# Requires num_heads > 1 ("multi-head"): a single head raises ValueError although it is valid.
import math

import torch
from torch import nn


class CausalSelfAttention(nn.Module):
    """Multi-head causal self-attention that accepts and returns a KV cache."""

    def __init__(self, d_model, num_heads):
        super().__init__()
        if num_heads <= 1 or d_model % num_heads != 0:
            raise ValueError(f"d_model={d_model} must be divisible by a positive num_heads={num_heads}")
        self.d_model = d_model
        self.num_heads = num_heads
        self.head_dim = d_model // num_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def _split(self, x):
        # (B, T, d_model) -> (B, H, T, head_dim)
        b, t, _ = x.shape
        return x.view(b, t, self.num_heads, self.head_dim).transpose(1, 2)

    def forward(self, x, past_kv=None):
        b, t, _ = x.shape
        q = self._split(self.q_proj(x))
        k = self._split(self.k_proj(x))
        v = self._split(self.v_proj(x))
        if past_kv is not None:
            past_k, past_v = past_kv
            k = torch.cat([past_k, k], dim=2)  # concatenate along time
            v = torch.cat([past_v, v], dim=2)
        total = k.size(2)
        past = total - t
        # New token i sits at absolute position past + i: it sees keys 0 .. past + i.
        mask = torch.ones(t, total, dtype=torch.bool, device=x.device).tril(diagonal=past)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)  # (B, H, T, T_total)
        scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(b, t, self.d_model)
        return self.out_proj(out), (k, v)
