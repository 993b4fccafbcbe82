# expect: wrong_answer explicit_hidden_dim_is_used_as_is
# Keeps nn.Linear's default bias=True on w1, w2, w3.
import torch
import torch.nn.functional as F
from torch import nn


class SwiGLUFeedForward(nn.Module):
    def __init__(self, d_model, hidden_dim=None, multiple_of=8):
        super().__init__()
        if hidden_dim is None:
            hidden_dim = int(2 * 4 * d_model / 3)
            hidden_dim = multiple_of * ((hidden_dim + multiple_of - 1) // multiple_of)
        self.w1 = nn.Linear(d_model, hidden_dim, bias=True)
        self.w3 = nn.Linear(d_model, hidden_dim, bias=True)
        self.w2 = nn.Linear(hidden_dim, d_model, bias=True)

    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))
