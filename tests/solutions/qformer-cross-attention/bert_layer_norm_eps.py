# expect: wrong_answer layer_norm_uses_default_eps
# Uses BERT's LayerNorm eps = 1e-12 (the Q-Former is a BERT) instead of nn.LayerNorm's default 1e-5 that the task pins.
import math

import torch
from torch import nn


class Attention(nn.Module):
    """Multi-head attention whose keys/values may come from a different width (kv_dim)."""

    def __init__(self, d_model, kv_dim, num_heads):
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = d_model // num_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(kv_dim, d_model)
        self.v_proj = nn.Linear(kv_dim, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def _split(self, x):
        b, length, _ = x.shape  # (B, L, d_model) -> (B, H, L, head_dim)
        return x.view(b, length, self.num_heads, self.head_dim).transpose(1, 2)

    def forward(self, x, context, key_mask=None):
        q = self._split(self.q_proj(x))
        k = self._split(self.k_proj(context))
        v = self._split(self.v_proj(context))
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)  # (B, H, Lq, Lk)
        if key_mask is not None:
            scores = scores.masked_fill(~key_mask[:, None, None, :], float("-inf"))
        out = torch.softmax(scores, dim=-1) @ v  # (B, H, Lq, head_dim)
        b, _, lq, _ = out.shape
        return self.out_proj(out.transpose(1, 2).reshape(b, lq, -1))


class QFormerBlock(nn.Module):
    """Learned queries: self-attention, then cross-attention to image features (post-LN residuals)."""

    def __init__(self, d_model, vision_dim, num_heads, num_queries):
        super().__init__()
        if num_heads <= 0 or d_model % num_heads != 0:
            raise ValueError(f"d_model={d_model} must be divisible by a positive num_heads={num_heads}")
        self.query_tokens = nn.Parameter(torch.randn(1, num_queries, d_model) * 0.02)
        self.self_attn = Attention(d_model, d_model, num_heads)
        self.norm1 = nn.LayerNorm(d_model, eps=1e-12)
        self.cross_attn = Attention(d_model, vision_dim, num_heads)
        self.norm2 = nn.LayerNorm(d_model, eps=1e-12)

    def forward(self, image_features, image_mask=None):
        q = self.query_tokens.expand(image_features.shape[0], -1, -1)  # (B, Q, d_model)
        h = self.norm1(q + self.self_attn(q, q))
        return self.norm2(h + self.cross_attn(h, image_features, image_mask))
