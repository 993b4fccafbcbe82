# expect: wrong_answer two_thirds_truncated_before_rounding
# Rounds 8 * d_model / 3 to the nearest integer instead of truncating it with int().
import torch
import torch.nn.functional as F
from torch import nn


class SwiGLUFeedForward(nn.Module):
    """LLaMA's feed-forward block: w2(silu(w1(x)) * w3(x)), all three linears without bias."""

    def __init__(self, d_model, hidden_dim=None, multiple_of=8):
        super().__init__()
        if hidden_dim is None:
            # 4 * d_model scaled by 2/3 (three matrices instead of two), rounded up to multiple_of.
            hidden_dim = round(2 * (4 * d_model) / 3)
            hidden_dim = multiple_of * ((hidden_dim + multiple_of - 1) // multiple_of)
        self.hidden_dim = hidden_dim
        self.w1 = nn.Linear(d_model, hidden_dim, bias=False)  # gate
        self.w3 = nn.Linear(d_model, hidden_dim, bias=False)  # up
        self.w2 = nn.Linear(hidden_dim, d_model, bias=False)  # down

    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))
