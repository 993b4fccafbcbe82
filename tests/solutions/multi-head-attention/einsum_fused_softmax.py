# expect: passed
# Correct alternative: unflatten/permute, einsum, a stable hand-written softmax and a finite fill.
import torch
import torch.nn as nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads, bias=True):
        super().__init__()
        if not isinstance(num_heads, int) or num_heads < 1:
            raise ValueError("num_heads must be a positive int")
        if d_model % num_heads:
            raise ValueError("d_model must be a multiple of num_heads")
        self.h = num_heads
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = (
            nn.Linear(d_model, d_model, bias=bias) for _ in range(4)
        )

    def forward(self, query, key, value, mask=None):
        def heads(x):  # (B, L, d) -> (B, H, L, dh)
            return x.unflatten(-1, (self.h, -1)).permute(0, 2, 1, 3)

        q, k, v = heads(self.q_proj(query)), heads(self.k_proj(key)), heads(self.v_proj(value))
        scores = torch.einsum("bhqd,bhkd->bhqk", q * q.shape[-1] ** -0.5, k)
        if mask is not None:
            scores = torch.where(mask, scores, torch.finfo(scores.dtype).min)
        scores = scores - scores.amax(dim=-1, keepdim=True)
        w = scores.exp()
        w = w / w.sum(dim=-1, keepdim=True)
        out = torch.einsum("bhqk,bhkd->bqhd", w, v).flatten(-2)
        return self.out_proj(out)
