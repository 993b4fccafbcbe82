import math

import torch
import torch.nn.functional as F
from torch import nn


class DecoderLayer(nn.Module):
    """Transformer decoder layer: causal self-attention, cross-attention to memory, ReLU FFN.

    Parameters: self_attn.{q,k,v,out}_proj, cross_attn.{q,k,v,out}_proj, linear1, linear2
    (all with biases), norm1, norm2, norm3. norm_first=False: post-norm; True: pre-norm.
    """

    def __init__(self, d_model, n_heads, d_ff, norm_first=False, eps=1e-5):
        super().__init__()
        raise NotImplementedError

    def forward(self, x, memory, memory_mask=None):
        """x: (B, T, d_model), memory: (B, S, d_model), memory_mask: bool (B, S), True = real token."""
        raise NotImplementedError
