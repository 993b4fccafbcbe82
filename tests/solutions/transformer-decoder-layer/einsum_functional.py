# expect: passed
# Correct alternative: einsum attention with an additive mask, hand-written LayerNorm over nn.Parameters, ModuleDict-free attributes.
import math

import torch
from torch import nn


class Proj(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(d_out, d_in) * d_in**-0.5)
        self.bias = nn.Parameter(torch.zeros(d_out))

    def forward(self, x):
        return torch.einsum("...i,oi->...o", x, self.weight) + self.bias


class Norm(nn.Module):
    def __init__(self, d, eps):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(d))
        self.bias = nn.Parameter(torch.zeros(d))

    def forward(self, x):
        mu = x.mean(-1, keepdim=True)
        var = x.var(-1, keepdim=True, correction=0)
        return (x - mu) * torch.rsqrt(var + self.eps) * self.weight + self.bias


class MHA(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.h = h
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = Proj(d, d), Proj(d, d), Proj(d, d), Proj(d, d)

    def forward(self, q_in, kv_in, bias):
        b, lq, d = q_in.shape
        lk = kv_in.shape[1]
        hd = d // self.h
        q = self.q_proj(q_in).view(b, lq, self.h, hd)
        k = self.k_proj(kv_in).view(b, lk, self.h, hd)
        v = self.v_proj(kv_in).view(b, lk, self.h, hd)
        scores = torch.einsum("bqhd,bkhd->bhqk", q, k) / math.sqrt(hd) + bias
        w = scores.softmax(-1)
        return self.out_proj(torch.einsum("bhqk,bkhd->bqhd", w, v).reshape(b, lq, d))


class DecoderLayer(nn.Module):
    def __init__(self, d_model, n_heads, d_ff, norm_first=False, eps=1e-5):
        super().__init__()
        if not (n_heads > 0 and d_model % n_heads == 0):
            raise ValueError("n_heads must be positive and divide d_model")
        self.pre = norm_first
        self.self_attn, self.cross_attn = MHA(d_model, n_heads), MHA(d_model, n_heads)
        self.linear1, self.linear2 = Proj(d_model, d_ff), Proj(d_ff, d_model)
        self.norm1, self.norm2, self.norm3 = Norm(d_model, eps), Norm(d_model, eps), Norm(d_model, eps)

    def forward(self, x, memory, memory_mask=None):
        t, s = x.shape[1], memory.shape[1]
        neg = torch.finfo(x.dtype).min
        causal = torch.full((t, t), neg).triu(1)
        cross = torch.zeros(s) if memory_mask is None else torch.zeros(memory_mask.shape).masked_fill(~memory_mask, neg)[:, None, None, :]
        ffn = lambda z: self.linear2(torch.clamp(self.linear1(z), min=0))  # noqa: E731
        if self.pre:
            n1 = self.norm1(x)
            x = x + self.self_attn(n1, n1, causal)
            x = x + self.cross_attn(self.norm2(x), memory, cross)
            return x + ffn(self.norm3(x))
        x = self.norm1(x + self.self_attn(x, x, causal))
        x = self.norm2(x + self.cross_attn(x, memory, cross))
        return self.norm3(x + ffn(x))
