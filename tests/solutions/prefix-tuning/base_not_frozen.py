# expect: wrong_answer prefix_is_the_only_trainable_part
# Adds the prefix parameters but never freezes the pretrained projections, so the whole layer trains.
import math

import torch
import torch.nn as nn


class PrefixTuningAttention(nn.Module):
    def __init__(self, d_model, num_heads, prefix_len):
        super().__init__()
        self.h, self.d, self.p = num_heads, d_model // num_heads, prefix_len
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)
        self.prefix_keys = nn.Parameter(torch.randn(num_heads, prefix_len, self.d) * 0.02)
        self.prefix_values = nn.Parameter(torch.randn(num_heads, prefix_len, self.d) * 0.02)

    def forward(self, x, causal=True):
        B, L, D = x.shape
        split = lambda t: t.view(B, L, self.h, self.d).transpose(1, 2)
        q, k, v = split(self.q_proj(x)), split(self.k_proj(x)), split(self.v_proj(x))
        k = torch.cat([self.prefix_keys.expand(B, -1, -1, -1), k], dim=2)
        v = torch.cat([self.prefix_values.expand(B, -1, -1, -1), v], dim=2)
        s = q @ k.transpose(-1, -2) / math.sqrt(self.d)
        if causal:
            mask = torch.ones(L, self.p + L, dtype=torch.bool).tril(diagonal=self.p)
            s = s.masked_fill(~mask, float("-inf"))
        o = torch.softmax(s, dim=-1) @ v
        return self.out_proj(o.transpose(1, 2).reshape(B, L, D))
