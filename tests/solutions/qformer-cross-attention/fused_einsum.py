# expect: passed
# Correct alternative: one function for both attentions, einsum over unflattened heads, hand-written LayerNorm.
import math

import torch
import torch.nn as nn


def attend(x, ctx, q_proj, k_proj, v_proj, out_proj, heads, key_mask=None):
    q = q_proj(x).unflatten(-1, (heads, -1))  # (B, Lq, H, dh)
    k = k_proj(ctx).unflatten(-1, (heads, -1))  # (B, Lk, H, dh)
    v = v_proj(ctx).unflatten(-1, (heads, -1))
    scores = torch.einsum("bqhd,bkhd->bhqk", q, k) / math.sqrt(q.shape[-1])
    if key_mask is not None:
        scores = scores.masked_fill(~key_mask[:, None, None, :], torch.finfo(scores.dtype).min)
    weights = torch.softmax(scores, dim=-1)
    return out_proj(torch.einsum("bhqk,bkhd->bqhd", weights, v).flatten(-2))


def layer_norm(x, norm):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + norm.eps) * norm.weight + norm.bias


class QFormerBlock(nn.Module):
    def __init__(self, d_model, vision_dim, num_heads, num_queries):
        super().__init__()
        if not (num_heads > 0 and d_model % num_heads == 0):
            raise ValueError(f"cannot split {d_model} features into {num_heads} heads")
        self.heads = num_heads
        self.query_tokens = nn.Parameter(torch.zeros(1, num_queries, d_model))
        self.self_attn = nn.ModuleDict({n: nn.Linear(d_model, d_model) for n in ("q_proj", "k_proj", "v_proj", "out_proj")})
        self.cross_attn = nn.ModuleDict(
            {
                "q_proj": nn.Linear(d_model, d_model),
                "k_proj": nn.Linear(vision_dim, d_model),
                "v_proj": nn.Linear(vision_dim, d_model),
                "out_proj": nn.Linear(d_model, d_model),
            }
        )
        self.norm1 = nn.LayerNorm(d_model)
        self.norm2 = nn.LayerNorm(d_model)

    def forward(self, image_features, image_mask=None):
        sa, ca = self.self_attn, self.cross_attn
        q = self.query_tokens.repeat(image_features.shape[0], 1, 1)
        h = layer_norm(q + attend(q, q, sa["q_proj"], sa["k_proj"], sa["v_proj"], sa["out_proj"], self.heads), self.norm1)
        c = attend(h, image_features, ca["q_proj"], ca["k_proj"], ca["v_proj"], ca["out_proj"], self.heads, image_mask)
        return layer_norm(h + c, self.norm2)
