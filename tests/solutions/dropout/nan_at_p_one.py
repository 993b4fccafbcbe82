# expect: wrong_answer p_zero_and_p_one_edge_cases
# Divides by (1 - p) unconditionally: with p = 1 every element is 0 / 0 = nan.
import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        if not 0 <= p <= 1:
            raise ValueError("p must be in [0, 1]")
        self.p = p

    def forward(self, x, generator=None):
        if not self.training:
            return x
        keep = (torch.rand(x.shape, generator=generator) >= self.p).float()
        return x * keep / (1 - self.p)
