import math

import torch
from torch import nn


class QFormerBlock(nn.Module):
    """Learned queries: self-attention, then cross-attention to image features (post-LN residuals)."""

    def __init__(self, d_model, vision_dim, num_heads, num_queries):
        """Create:
        query_tokens: nn.Parameter (1, num_queries, d_model);
        self_attn.{q,k,v,out}_proj: nn.Linear(d_model, d_model);
        cross_attn.q_proj, cross_attn.out_proj: nn.Linear(d_model, d_model);
        cross_attn.k_proj, cross_attn.v_proj: nn.Linear(vision_dim, d_model);
        norm1, norm2: nn.LayerNorm(d_model).
        Raise ValueError if num_heads <= 0 or d_model % num_heads != 0.
        """
        super().__init__()
        raise NotImplementedError

    def forward(self, image_features, image_mask=None):
        """image_features: (B, N_img, vision_dim); image_mask: optional (B, N_img) bool, True = real patch.

        h = norm1(q + SelfAttn(q)) with q the query tokens, then
        out = norm2(h + CrossAttn(h, image_features)). Returns (B, num_queries, d_model).
        """
        raise NotImplementedError
