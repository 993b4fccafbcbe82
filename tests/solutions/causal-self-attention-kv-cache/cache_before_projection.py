# expect: wrong_answer returned_cache_shape_and_content
# Caches the raw inputs (split into heads) and re-projects the whole prefix every call: right outputs, wrong cache.
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

    def split(self, x):
        b, t, _ = x.shape
        return x.view(b, t, self.h, self.dh).transpose(1, 2)

    def forward(self, x, past_kv=None):
        b, t, d = x.shape
        xs = self.split(x)
        if past_kv is not None:
            xs = torch.cat([past_kv[0], xs], dim=2)
        total = xs.size(2)
        seq = xs.transpose(1, 2).reshape(b, total, d)
        q = self.split(self.q_proj(x))
        k = self.split(self.k_proj(seq))
        v = self.split(self.v_proj(seq))
        mask = torch.ones(t, total, dtype=torch.bool).tril(diagonal=total - t)
        scores = (q @ k.transpose(-2, -1) / math.sqrt(self.dh)).masked_fill(~mask, float("-inf"))
        out = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(b, t, d)
        return self.out_proj(out), (xs, xs)
