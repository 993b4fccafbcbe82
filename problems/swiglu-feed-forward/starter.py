import torch
import torch.nn.functional as F
from torch import nn


class SwiGLUFeedForward(nn.Module):
    """LLaMA's feed-forward block: w2(silu(w1(x)) * w3(x)), all three linears without bias."""

    def __init__(self, d_model, hidden_dim=None, multiple_of=8):
        """w1 (gate) and w3 (up): nn.Linear(d_model, hidden, bias=False); w2 (down):
        nn.Linear(hidden, d_model, bias=False).

        hidden = hidden_dim if given; otherwise LLaMA's rule: int(2 * 4 * d_model / 3) rounded
        UP to a multiple of multiple_of.
        """
        super().__init__()
        raise NotImplementedError

    def forward(self, x):
        """x: (*, d_model) -> (*, d_model)."""
        raise NotImplementedError
