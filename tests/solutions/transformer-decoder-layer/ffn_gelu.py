# expect: wrong_answer post_norm_output_matches_reference
# Uses GELU in the feed-forward instead of ReLU.
import math

import torch
import torch.nn.functional as F
from torch import nn


class Attention(nn.Module):
    """Multi-head attention with separate q/k/v/out projections (biases included)."""

    def __init__(self, d_model, n_heads):
        super().__init__()
        self.n_heads = n_heads
        self.head_dim = d_model // n_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def _split(self, x):
        # (B, L, d_model) -> (B, H, L, head_dim)
        b, length, _ = x.shape
        return x.view(b, length, self.n_heads, self.head_dim).transpose(1, 2)

    def forward(self, query, source, allowed):
        """allowed: bool, broadcastable to (B, H, Lq, Lk), True = may attend."""
        b, lq, d_model = query.shape
        q = self._split(self.q_proj(query))
        k = self._split(self.k_proj(source))
        v = self._split(self.v_proj(source))
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)
        scores = scores.masked_fill(~allowed, float("-inf"))
        out = torch.softmax(scores, dim=-1) @ v
        return self.out_proj(out.transpose(1, 2).reshape(b, lq, d_model))


class DecoderLayer(nn.Module):
    """One Transformer decoder layer: causal self-attention, cross-attention, ReLU FFN."""

    def __init__(self, d_model, n_heads, d_ff, norm_first=False, eps=1e-5):
        super().__init__()
        if n_heads <= 0 or d_model % n_heads != 0:
            raise ValueError(f"d_model={d_model} must be divisible by a positive n_heads={n_heads}")
        self.norm_first = norm_first
        self.self_attn = Attention(d_model, n_heads)
        self.cross_attn = Attention(d_model, n_heads)
        self.linear1 = nn.Linear(d_model, d_ff)
        self.linear2 = nn.Linear(d_ff, d_model)
        self.norm1 = nn.LayerNorm(d_model, eps=eps)
        self.norm2 = nn.LayerNorm(d_model, eps=eps)
        self.norm3 = nn.LayerNorm(d_model, eps=eps)

    def _ffn(self, x):
        return self.linear2(F.gelu(self.linear1(x)))

    def forward(self, x, memory, memory_mask=None):
        t, s = x.shape[1], memory.shape[1]
        causal = torch.ones(t, t, dtype=torch.bool, device=x.device).tril()
        if memory_mask is None:
            cross = torch.ones(1, 1, 1, s, dtype=torch.bool, device=x.device)
        else:
            cross = memory_mask[:, None, None, :]  # (B, S) -> (B, 1, 1, S): over heads and queries

        if self.norm_first:
            x = x + self.self_attn(self.norm1(x), self.norm1(x), causal)
            x = x + self.cross_attn(self.norm2(x), memory, cross)
            return x + self._ffn(self.norm3(x))
        x = self.norm1(x + self.self_attn(x, x, causal))
        x = self.norm2(x + self.cross_attn(x, memory, cross))
        return self.norm3(x + self._ffn(x))
