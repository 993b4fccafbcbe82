# expect: wrong_answer returned_cache_shape_and_content
# Caches k, v before the head transpose, as (B, T, H, head_dim): self-consistent, but not the contract's layout.
import math

import torch
from torch import nn


class CausalSelfAttention(nn.Module):
    def __init__(self, d_model, num_heads):
        super().__init__()
        if num_heads <= 0 or d_model % num_heads != 0:
            raise ValueError("d_model must be divisible by a positive num_heads")
        self.h = num_heads
        self.dh = d_model // num_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def forward(self, x, past_kv=None):
        b, t, d = x.shape
        q = self.q_proj(x).view(b, t, self.h, self.dh)
        k = self.k_proj(x).view(b, t, self.h, self.dh)
        v = self.v_proj(x).view(b, t, self.h, self.dh)
        if past_kv is not None:
            k = torch.cat([past_kv[0], k], dim=1)
            v = torch.cat([past_kv[1], v], dim=1)
        total = k.size(1)
        mask = torch.ones(t, total, dtype=torch.bool).tril(diagonal=total - t)
        scores = q.transpose(1, 2) @ k.permute(0, 2, 3, 1) / math.sqrt(self.dh)
        scores = scores.masked_fill(~mask, float("-inf"))
        out = torch.softmax(scores, dim=-1) @ v.transpose(1, 2)
        return self.out_proj(out.transpose(1, 2).reshape(b, t, d)), (k, v)
