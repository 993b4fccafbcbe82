# expect: forbidden_api parameter_names_and_shapes
# Uses the library's RMSNorm module instead of writing the norm.
import math

import torch
import torch.nn.functional as F
from torch import nn


class Attention(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.h = h
        self.q_proj = nn.Linear(d, d, bias=False)
        self.k_proj = nn.Linear(d, d, bias=False)
        self.v_proj = nn.Linear(d, d, bias=False)
        self.o_proj = nn.Linear(d, d, bias=False)

    def forward(self, x):
        b, l, d = x.shape
        q, k, v = (p(x).view(b, l, self.h, -1).transpose(1, 2) for p in (self.q_proj, self.k_proj, self.v_proj))
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(d // self.h)
        scores = scores.masked_fill(~torch.ones(l, l, dtype=torch.bool).tril(), float("-inf"))
        return self.o_proj((scores.softmax(-1) @ v).transpose(1, 2).reshape(b, l, d))


class FeedForward(nn.Module):
    def __init__(self, d, hidden):
        super().__init__()
        self.w1 = nn.Linear(d, hidden, bias=False)
        self.w2 = nn.Linear(hidden, d, bias=False)
        self.w3 = nn.Linear(d, hidden, bias=False)

    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))


class DecoderBlock(nn.Module):
    def __init__(self, d_model, n_heads, hidden_dim, eps=1e-6):
        super().__init__()
        if n_heads <= 0 or d_model % n_heads:
            raise ValueError("d_model must be divisible by n_heads")
        self.attn_norm = nn.RMSNorm(d_model, eps=eps)
        self.attn = Attention(d_model, n_heads)
        self.ffn_norm = nn.RMSNorm(d_model, eps=eps)
        self.ffn = FeedForward(d_model, hidden_dim)

    def forward(self, x):
        h = x + self.attn(self.attn_norm(x))
        return h + self.ffn(self.ffn_norm(h))
