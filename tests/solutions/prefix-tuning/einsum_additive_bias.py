# expect: passed
# Correct alternative: einsum with explicit head axes, an additive -inf bias built as [zeros for the prefix | causal bias].
import math

import torch
import torch.nn as nn


class PrefixTuningAttention(nn.Module):
    def __init__(self, d_model, num_heads, prefix_len):
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = d_model // num_heads
        self.prefix_len = prefix_len
        for name in ("q_proj", "k_proj", "v_proj", "out_proj"):
            layer = nn.Linear(d_model, d_model)
            layer.weight.requires_grad = False
            layer.bias.requires_grad = False
            setattr(self, name, layer)
        self.prefix_keys = nn.Parameter(nn.init.normal_(torch.empty(num_heads, prefix_len, self.head_dim), std=0.02))
        self.prefix_values = nn.Parameter(nn.init.normal_(torch.empty(num_heads, prefix_len, self.head_dim), std=0.02))

    def forward(self, x, causal=True):
        B, L, D = x.shape
        H, E, P = self.num_heads, self.head_dim, self.prefix_len
        q = self.q_proj(x).unflatten(-1, (H, E))  # (B, L, H, E)
        k = self.k_proj(x).unflatten(-1, (H, E))
        v = self.v_proj(x).unflatten(-1, (H, E))
        s_prefix = torch.einsum("blhe,hpe->bhlp", q, self.prefix_keys)
        s_tokens = torch.einsum("blhe,bmhe->bhlm", q, k)
        if causal:
            future = torch.triu(torch.ones(L, L, dtype=torch.bool), diagonal=1)
            s_tokens = s_tokens + torch.zeros(L, L).masked_fill(future, float("-inf"))
        scores = torch.cat([s_prefix, s_tokens], dim=-1) / math.sqrt(E)
        w = scores.softmax(dim=-1)
        out = torch.einsum("bhlp,hpe->blhe", w[..., :P], self.prefix_values) + torch.einsum(
            "bhlm,bmhe->blhe", w[..., P:], v
        )
        return self.out_proj(out.reshape(B, L, D))
