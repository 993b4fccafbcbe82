# expect: forbidden_api single_head_matches_reference
# Wraps the library's multi-head attention kernel instead of writing it.
import torch
import torch.nn.functional as F
from torch import nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads, bias=True):
        super().__init__()
        if num_heads <= 0 or d_model % num_heads != 0:
            raise ValueError("bad num_heads")
        self.h = num_heads
        self.q_proj = nn.Linear(d_model, d_model, bias=bias)
        self.k_proj = nn.Linear(d_model, d_model, bias=bias)
        self.v_proj = nn.Linear(d_model, d_model, bias=bias)
        self.out_proj = nn.Linear(d_model, d_model, bias=bias)

    def forward(self, query, key, value, mask=None):
        b, lq, d = query.shape
        q = self.q_proj(query).view(b, lq, self.h, -1).transpose(1, 2)
        k = self.k_proj(key).view(b, key.shape[1], self.h, -1).transpose(1, 2)
        v = self.v_proj(value).view(b, value.shape[1], self.h, -1).transpose(1, 2)
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        return self.out_proj(out.transpose(1, 2).reshape(b, lq, d))
