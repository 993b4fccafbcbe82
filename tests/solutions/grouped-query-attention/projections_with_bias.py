# expect: wrong_answer future_tokens_do_not_change_earlier_outputs
# Keeps nn.Linear's default bias=True on the projections (Qwen2-style q/k/v biases), against the contract.
import math

import torch
from torch import nn


class GroupedQueryAttention(nn.Module):
    def __init__(self, d_model, n_heads, n_kv_heads):
        super().__init__()
        if n_heads <= 0 or n_kv_heads <= 0 or d_model % n_heads or n_heads % n_kv_heads:
            raise ValueError("bad head counts")
        self.h, self.kv, self.hd = n_heads, n_kv_heads, d_model // n_heads
        self.q_proj = nn.Linear(d_model, n_heads * self.hd)
        self.k_proj = nn.Linear(d_model, n_kv_heads * self.hd)
        self.v_proj = nn.Linear(d_model, n_kv_heads * self.hd)
        self.o_proj = nn.Linear(n_heads * self.hd, d_model)

    def forward(self, x):
        b, l, _ = x.shape
        q = self.q_proj(x).view(b, l, self.h, self.hd).transpose(1, 2)
        k = self.k_proj(x).view(b, l, self.kv, self.hd).transpose(1, 2)
        v = self.v_proj(x).view(b, l, self.kv, self.hd).transpose(1, 2)
        k = k.repeat_interleave(self.h // self.kv, dim=1)
        v = v.repeat_interleave(self.h // self.kv, dim=1)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.hd)
        mask = torch.tril(torch.ones(l, l, dtype=torch.bool))
        out = scores.masked_fill(~mask, float("-inf")).softmax(-1) @ v
        return self.o_proj(out.transpose(1, 2).reshape(b, l, -1))
