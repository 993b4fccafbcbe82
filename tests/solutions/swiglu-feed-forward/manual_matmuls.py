# expect: passed
# Correct alternative: math.ceil for the size rule, hand-written SiLU, explicit matmuls with the weights.
import math

import torch
from torch import nn


class SwiGLUFeedForward(nn.Module):
    def __init__(self, d_model, hidden_dim=None, multiple_of=8):
        super().__init__()
        if hidden_dim is None:
            h = (8 * d_model) // 3  # == int(2 * 4 * d_model / 3) for positive d_model
            hidden_dim = math.ceil(h / multiple_of) * multiple_of
        self.w1 = nn.Linear(d_model, hidden_dim, bias=False)
        self.w2 = nn.Linear(hidden_dim, d_model, bias=False)
        self.w3 = nn.Linear(d_model, hidden_dim, bias=False)

    def forward(self, x):
        gate = x @ self.w1.weight.T
        up = x @ self.w3.weight.T
        return (gate * torch.sigmoid(gate) * up) @ self.w2.weight.T
