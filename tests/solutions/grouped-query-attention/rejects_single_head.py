# expect: runtime_error single_query_head
# Requires at least two query heads (n_heads <= 1 raises), though one query head with one kv head is valid attention.
import math

import torch
from torch import nn


class GroupedQueryAttention(nn.Module):
    """Causal self-attention with n_heads query heads sharing n_kv_heads key/value heads."""

    def __init__(self, d_model, n_heads, n_kv_heads):
        super().__init__()
        if n_heads <= 1 or n_kv_heads <= 0 or d_model % n_heads != 0 or n_heads % n_kv_heads != 0:
            raise ValueError(
                f"need d_model % n_heads == 0 and n_heads % n_kv_heads == 0 with positive counts, "
                f"got d_model={d_model}, n_heads={n_heads}, n_kv_heads={n_kv_heads}"
            )
        self.n_heads = n_heads
        self.n_kv_heads = n_kv_heads
        self.head_dim = d_model // n_heads
        self.q_proj = nn.Linear(d_model, n_heads * self.head_dim, bias=False)
        self.k_proj = nn.Linear(d_model, n_kv_heads * self.head_dim, bias=False)
        self.v_proj = nn.Linear(d_model, n_kv_heads * self.head_dim, bias=False)
        self.o_proj = nn.Linear(n_heads * self.head_dim, d_model, bias=False)

    def _split(self, x, heads):
        # (B, L, heads * head_dim) -> (B, heads, L, head_dim)
        b, length, _ = x.shape
        return x.view(b, length, heads, self.head_dim).transpose(1, 2)

    def forward(self, x):
        b, length, _ = x.shape
        q = self._split(self.q_proj(x), self.n_heads)
        k = self._split(self.k_proj(x), self.n_kv_heads)
        v = self._split(self.v_proj(x), self.n_kv_heads)
        group = self.n_heads // self.n_kv_heads
        # Query heads g*group .. (g+1)*group - 1 share kv head g: [kv0, kv0, kv1, kv1, ...].
        k = k.repeat_interleave(group, dim=1)
        v = v.repeat_interleave(group, dim=1)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.head_dim)  # (B, H, L, L)
        causal = torch.ones(length, length, dtype=torch.bool, device=x.device).tril()
        scores = scores.masked_fill(~causal, float("-inf"))
        out = torch.softmax(scores, dim=-1) @ v  # (B, H, L, head_dim)
        out = out.transpose(1, 2).reshape(b, length, self.n_heads * self.head_dim)
        return self.o_proj(out)
