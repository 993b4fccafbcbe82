# expect: wrong_answer eval_mode_is_identity
# Ignores self.training: dropout stays on after .eval().
import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        if not 0 <= p <= 1:
            raise ValueError("p must be in [0, 1]")
        self.p = p

    def forward(self, x, generator=None):
        if self.p == 1:
            return torch.zeros_like(x)
        keep = torch.rand(x.shape, generator=generator) >= self.p
        return x * keep / (1 - self.p)
