# expect: wrong_answer causal_mask_spares_the_prefix
# Builds the causal mask with offset p + 1 instead of p: every token also sees the next one.
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
        for m in (self.q_proj, self.k_proj, self.v_proj, self.out_proj):
            for prm in m.parameters():
                prm.requires_grad = False
        self.prefix_keys = nn.Parameter(torch.randn(num_heads, prefix_len, self.d) * 0.02)
        self.prefix_values = nn.Parameter(torch.randn(num_heads, prefix_len, self.d) * 0.02)

    def heads(self, t):
        B, L, _ = t.shape
        return t.view(B, L, self.h, self.d).transpose(1, 2)

    def forward(self, x, causal=True):
        B, L, D = x.shape
        q, k, v = self.heads(self.q_proj(x)), self.heads(self.k_proj(x)), self.heads(self.v_proj(x))
        k = torch.cat([self.prefix_keys.expand(B, -1, -1, -1), k], dim=2)
        v = torch.cat([self.prefix_values.expand(B, -1, -1, -1), v], dim=2)
        s = q @ k.transpose(-1, -2) / math.sqrt(self.d)
        if causal:
            # key j visible to token i when j < i + p + 2 (should be j < i + p + 1)
            mask = torch.arange(self.p + L)[None, :] < torch.arange(L)[:, None] + self.p + 2
            s = s.masked_fill(~mask, float("-inf"))
        o = torch.softmax(s, dim=-1) @ v
        return self.out_proj(o.transpose(1, 2).reshape(B, L, D))
