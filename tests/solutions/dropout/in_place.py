# expect: wrong_answer input_not_modified
# Applies the mask in place, overwriting the caller's tensor.
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
            return x.zero_()
        keep = torch.rand(x.shape, generator=generator) >= self.p
        return x.mul_(keep).div_(1 - self.p)
