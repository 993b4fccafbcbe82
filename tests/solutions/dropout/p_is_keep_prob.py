# expect: wrong_answer drop_rate_matches_p
# Keeps each element with probability p (p read as the keep probability).
import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        if not 0 <= p <= 1:
            raise ValueError("p must be in [0, 1]")
        self.p = p

    def forward(self, x, generator=None):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        keep = torch.rand(x.shape, generator=generator) < self.p
        return torch.where(keep, x / (1 - self.p), torch.zeros_like(x))
