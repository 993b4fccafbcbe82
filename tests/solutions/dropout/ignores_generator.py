# expect: wrong_answer generator_makes_it_reproducible
# Draws the mask from the global RNG even when a generator is passed.
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
        keep = torch.rand_like(x) >= self.p
        return torch.where(keep, x / (1 - self.p), torch.zeros_like(x))
