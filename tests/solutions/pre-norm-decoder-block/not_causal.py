# expect: wrong_answer future_tokens_do_not_change_earlier_outputs
# Forgets the causal mask: every token also attends to later tokens.
import math

import torch
import torch.nn.functional as F
from torch import nn


class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


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
        q = self.q_proj(x).view(b, l, self.h, d // self.h).transpose(1, 2)
        k = self.k_proj(x).view(b, l, self.h, d // self.h).transpose(1, 2)
        v = self.v_proj(x).view(b, l, self.h, d // self.h).transpose(1, 2)
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // self.h)
        mask = torch.tril(torch.ones(l, l, dtype=torch.bool))
        out = scores.softmax(dim=-1) @ v
        return self.o_proj(out.transpose(1, 2).reshape(b, l, d))


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
        self.attn_norm = RMSNorm(d_model, eps)
        self.attn = Attention(d_model, n_heads)
        self.ffn_norm = RMSNorm(d_model, eps)
        self.ffn = FeedForward(d_model, hidden_dim)

    def forward(self, x):
        h = x + self.attn(self.attn_norm(x))
        return h + self.ffn(self.ffn_norm(h))
