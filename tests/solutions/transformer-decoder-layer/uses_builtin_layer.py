# expect: forbidden_api parameter_names_and_shapes
# Wraps nn.MultiheadAttention, which the problem asks you to write.
import torch
import torch.nn.functional as F
from torch import nn


class DecoderLayer(nn.Module):
    def __init__(self, d_model, n_heads, d_ff, norm_first=False, eps=1e-5):
        super().__init__()
        if n_heads <= 0 or d_model % n_heads != 0:
            raise ValueError("bad heads")
        self.self_attn = nn.MultiheadAttention(d_model, n_heads, batch_first=True)
        self.cross_attn = nn.MultiheadAttention(d_model, n_heads, batch_first=True)
        self.linear1 = nn.Linear(d_model, d_ff)
        self.linear2 = nn.Linear(d_ff, d_model)
        self.norm1 = nn.LayerNorm(d_model, eps=eps)
        self.norm2 = nn.LayerNorm(d_model, eps=eps)
        self.norm3 = nn.LayerNorm(d_model, eps=eps)
        self.norm_first = norm_first

    def forward(self, x, memory, memory_mask=None):
        t = x.shape[1]
        causal = torch.ones(t, t, dtype=torch.bool).triu(1)
        pad = None if memory_mask is None else ~memory_mask
        x = self.norm1(x + self.self_attn(x, x, x, attn_mask=causal)[0])
        x = self.norm2(x + self.cross_attn(x, memory, memory, key_padding_mask=pad)[0])
        return self.norm3(x + self.linear2(F.relu(self.linear1(x))))
