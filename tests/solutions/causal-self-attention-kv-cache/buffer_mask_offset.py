# expect: passed
# Correct alternative: nanoGPT-style mask buffer, sliced at the rows of the new tokens (past .. past+T).
import torch
from torch import nn


class CausalSelfAttention(nn.Module):
    def __init__(self, d_model, num_heads, max_len=64):
        super().__init__()
        if num_heads < 1:
            raise ValueError("num_heads must be >= 1")
        if d_model % num_heads:
            raise ValueError("num_heads must divide d_model")
        self.n_head = num_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)
        self.register_buffer("causal", torch.ones(max_len, max_len, dtype=torch.bool).tril(), persistent=False)

    def forward(self, x, past_kv=None):
        B, T, C = x.shape
        heads = lambda t: t.unflatten(-1, (self.n_head, -1)).permute(0, 2, 1, 3)  # noqa: E731
        q, k, v = heads(self.q_proj(x)), heads(self.k_proj(x)), heads(self.v_proj(x))
        if past_kv is not None:
            k = torch.cat((past_kv[0], k), dim=-2)
            v = torch.cat((past_kv[1], v), dim=-2)
        S = k.shape[-2]
        P = S - T
        att = torch.einsum("bhtd,bhsd->bhts", q, k) * q.shape[-1] ** -0.5
        att = att.masked_fill(~self.causal[P:S, :S], torch.finfo(att.dtype).min)
        att = att.softmax(dim=-1)
        y = torch.einsum("bhts,bhsd->bthd", att, v).reshape(B, T, C)
        return self.out_proj(y), (k, v)
