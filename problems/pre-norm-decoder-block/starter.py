import math

import torch
import torch.nn.functional as F
from torch import nn


class DecoderBlock(nn.Module):
    """One LLaMA-style decoder layer (without RoPE):

        h   = x + attn(attn_norm(x))
        out = h + ffn(ffn_norm(h))

    Parameters, exactly these names and shapes (no biases anywhere):
        attn_norm.weight (d_model,), ffn_norm.weight (d_model,)          RMSNorm gains, init ones
        attn.q_proj.weight, attn.k_proj.weight, attn.v_proj.weight,
        attn.o_proj.weight (d_model, d_model)                            causal multi-head attention
        ffn.w1.weight, ffn.w3.weight (hidden_dim, d_model),
        ffn.w2.weight (d_model, hidden_dim)                              SwiGLU: w2(silu(w1 x) * w3 x)
    """

    def __init__(self, d_model, n_heads, hidden_dim, eps=1e-6):
        """Raise ValueError if n_heads <= 0 or d_model % n_heads != 0."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x):
        """x: (B, L, d_model) -> (B, L, d_model)."""
        raise NotImplementedError
