# expect: forbidden_api prefix_is_the_only_trainable_part
# Hands the attention to the library kernel instead of writing it.
import torch
import torch.nn as nn
import torch.nn.functional as F


class PrefixTuningAttention(nn.Module):
    def __init__(self, d_model, num_heads, prefix_len):
        super().__init__()
        self.h, self.d, self.p = num_heads, d_model // num_heads, prefix_len
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)
        for m in (self.q_proj, self.k_proj, self.v_proj, self.out_proj):
            m.requires_grad_(False)
        self.prefix_keys = nn.Parameter(torch.zeros(num_heads, prefix_len, self.d))
        self.prefix_values = nn.Parameter(torch.zeros(num_heads, prefix_len, self.d))

    def forward(self, x, causal=True):
        B, L, D = x.shape
        split = lambda t: t.view(B, L, self.h, self.d).transpose(1, 2)
        q, k, v = split(self.q_proj(x)), split(self.k_proj(x)), split(self.v_proj(x))
        k = torch.cat([self.prefix_keys.expand(B, -1, -1, -1), k], dim=2)
        v = torch.cat([self.prefix_values.expand(B, -1, -1, -1), v], dim=2)
        mask = torch.ones(L, self.p + L, dtype=torch.bool).tril(diagonal=self.p) if causal else None
        o = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        return self.out_proj(o.transpose(1, 2).reshape(B, L, D))
