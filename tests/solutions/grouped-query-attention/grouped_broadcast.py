# expect: passed
# Correct alternative: no copies of k/v; the queries are grouped as (B, n_kv, group, L, hd) and k/v broadcast over the group.
import torch
import torch.nn as nn


class GroupedQueryAttention(nn.Module):
    def __init__(self, d_model, n_heads, n_kv_heads):
        super().__init__()
        if min(n_heads, n_kv_heads) < 1:
            raise ValueError("head counts must be positive")
        if d_model % n_heads or n_heads % n_kv_heads:
            raise ValueError("d_model % n_heads and n_heads % n_kv_heads must be 0")
        self.n_heads, self.n_kv = n_heads, n_kv_heads
        self.hd = d_model // n_heads
        self.q_proj = nn.Linear(d_model, n_heads * self.hd, bias=False)
        self.k_proj = nn.Linear(d_model, n_kv_heads * self.hd, bias=False)
        self.v_proj = nn.Linear(d_model, n_kv_heads * self.hd, bias=False)
        self.o_proj = nn.Linear(n_heads * self.hd, d_model, bias=False)

    def forward(self, x):
        b, t, _ = x.shape
        g = self.n_heads // self.n_kv
        # Query head h = kv * g + j sits at [kv, j]: consecutive query heads share a kv head.
        q = self.q_proj(x).view(b, t, self.n_kv, g, self.hd).permute(0, 2, 3, 1, 4)  # (B, kv, g, T, hd)
        k = self.k_proj(x).view(b, t, self.n_kv, 1, self.hd).permute(0, 2, 3, 1, 4)  # (B, kv, 1, T, hd)
        v = self.v_proj(x).view(b, t, self.n_kv, 1, self.hd).permute(0, 2, 3, 1, 4)
        scores = torch.einsum("bkgqd,bkgsd->bkgqs", q, k.expand_as(q)) * self.hd ** -0.5
        future = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
        scores = scores.masked_fill(future, torch.finfo(scores.dtype).min)
        w = torch.exp(scores - scores.amax(-1, keepdim=True))
        w = w / w.sum(-1, keepdim=True)
        out = w @ v  # (B, kv, g, T, hd)
        out = out.permute(0, 3, 1, 2, 4).reshape(b, t, self.n_heads * self.hd)
        return self.o_proj(out)
