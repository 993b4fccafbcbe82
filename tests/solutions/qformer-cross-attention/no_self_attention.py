# expect: wrong_answer single_head_matches_reference
# Skips the self-attention sublayer: the query tokens cross-attend to the image straight away.
import math

import torch
from torch import nn


class Attention(nn.Module):
    def __init__(self, d_model, kv_dim, num_heads):
        super().__init__()
        self.h = num_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(kv_dim, d_model)
        self.v_proj = nn.Linear(kv_dim, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def forward(self, x, ctx, mask=None):
        b, lq, d = x.shape
        dh = d // self.h
        q = self.q_proj(x).view(b, lq, self.h, dh).transpose(1, 2)
        k = self.k_proj(ctx).view(b, -1, self.h, dh).transpose(1, 2)
        v = self.v_proj(ctx).view(b, -1, self.h, dh).transpose(1, 2)
        s = q @ k.transpose(-2, -1) / math.sqrt(dh)
        if mask is not None:
            s = s.masked_fill(~mask[:, None, None, :], float("-inf"))
        return self.out_proj((s.softmax(-1) @ v).transpose(1, 2).reshape(b, lq, d))


class QFormerBlock(nn.Module):
    def __init__(self, d_model, vision_dim, num_heads, num_queries):
        super().__init__()
        if num_heads <= 0 or d_model % num_heads:
            raise ValueError("bad num_heads")
        self.query_tokens = nn.Parameter(torch.zeros(1, num_queries, d_model))
        self.self_attn = Attention(d_model, d_model, num_heads)
        self.norm1 = nn.LayerNorm(d_model)
        self.cross_attn = Attention(d_model, vision_dim, num_heads)
        self.norm2 = nn.LayerNorm(d_model)

    def forward(self, image_features, image_mask=None):
        q = self.query_tokens.expand(image_features.shape[0], -1, -1)
        h = self.norm1(q)
        return self.norm2(h + self.cross_attn(h, image_features, image_mask))
