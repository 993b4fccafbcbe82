# expect: passed
# Correct alternative: one concatenated qkv matmul from the three pinned weights, einsum per head, rsqrt norms, a finite mask fill.
import torch
from torch import nn


class _Norm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(torch.mean(x * x, dim=-1, keepdim=True) + self.eps))


def _linear(d_in, d_out):
    return nn.Linear(d_in, d_out, bias=False)


class DecoderBlock(nn.Module):
    def __init__(self, d_model, n_heads, hidden_dim, eps=1e-6):
        super().__init__()
        if not (n_heads > 0 and d_model % n_heads == 0):
            raise ValueError(f"cannot split d_model={d_model} into n_heads={n_heads}")
        self.n_heads = n_heads
        self.attn_norm = _Norm(d_model, eps)
        self.ffn_norm = _Norm(d_model, eps)
        self.attn = nn.ModuleDict({n: _linear(d_model, d_model) for n in ("q_proj", "k_proj", "v_proj", "o_proj")})
        self.ffn = nn.ModuleDict(
            {"w1": _linear(d_model, hidden_dim), "w3": _linear(d_model, hidden_dim), "w2": _linear(hidden_dim, d_model)}
        )

    def _attention(self, z):
        b, t, d = z.shape
        hd = d // self.n_heads
        w_qkv = torch.cat([self.attn["q_proj"].weight, self.attn["k_proj"].weight, self.attn["v_proj"].weight])
        q, k, v = (z @ w_qkv.T).split(d, dim=-1)
        q, k, v = (y.reshape(b, t, self.n_heads, hd) for y in (q, k, v))  # (B, T, H, hd)
        s = torch.einsum("bqhd,bkhd->bhqk", q, k) / hd**0.5
        later = torch.arange(t)[None, :] > torch.arange(t)[:, None]
        s = s.masked_fill(later, torch.finfo(s.dtype).min)
        p = s.softmax(dim=-1)
        o = torch.einsum("bhqk,bkhd->bqhd", p, v).reshape(b, t, d)
        return self.attn["o_proj"](o)

    def _mlp(self, z):
        g = self.ffn["w1"](z)
        return self.ffn["w2"](g * torch.sigmoid(g) * self.ffn["w3"](z))

    def forward(self, x):
        x = x + self._attention(self.attn_norm(x))
        x = x + self._mlp(self.ffn_norm(x))
        return x
