# expect: wrong_answer causal_is_the_default
# Declares forward(x, causal=False): right whenever causal is passed, but forward(x) lets tokens see the future.
import math

import torch
import torch.nn as nn


class PrefixTuningAttention(nn.Module):
    """Causal multi-head self-attention with frozen projections and trainable per-head prefixes."""

    def __init__(self, d_model, num_heads, prefix_len):
        super().__init__()
        self.d_model = d_model
        self.num_heads = num_heads
        self.head_dim = d_model // num_heads
        self.prefix_len = prefix_len
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)
        for proj in (self.q_proj, self.k_proj, self.v_proj, self.out_proj):
            proj.requires_grad_(False)  # the pretrained layer stays frozen
        shape = (num_heads, prefix_len, self.head_dim)
        self.prefix_keys = nn.Parameter(torch.randn(shape) * 0.02)
        self.prefix_values = nn.Parameter(torch.randn(shape) * 0.02)

    def _split(self, t):
        # (B, L, d_model) -> (B, H, L, head_dim)
        b, length, _ = t.shape
        return t.view(b, length, self.num_heads, self.head_dim).transpose(1, 2)

    def forward(self, x, causal=False):
        b, length, _ = x.shape
        p = self.prefix_len
        q = self._split(self.q_proj(x))
        k = self._split(self.k_proj(x))
        v = self._split(self.v_proj(x))
        # The same (H, p, head_dim) prefix for every example, placed before the tokens' keys.
        k = torch.cat([self.prefix_keys.unsqueeze(0).expand(b, -1, -1, -1), k], dim=2)
        v = torch.cat([self.prefix_values.unsqueeze(0).expand(b, -1, -1, -1), v], dim=2)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)  # (B, H, L, p + L)
        if causal:
            allowed = torch.ones(length, p + length, dtype=torch.bool, device=x.device)
            # Token i sees prefix slots 0..p-1 and tokens 0..i, i.e. key indices <= p + i.
            allowed = torch.tril(allowed, diagonal=p)
            scores = scores.masked_fill(~allowed, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        out = (weights @ v).transpose(1, 2).reshape(b, length, self.d_model)
        return self.out_proj(out)
