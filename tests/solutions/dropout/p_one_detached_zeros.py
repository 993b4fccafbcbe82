# expect: wrong_answer p_one_output_stays_in_the_graph
# Returns a fresh torch.zeros_like(x) at p = 1: right values and dtype, but detached from x's graph (torch.nn.Dropout gives x * 0, whose gradient is zeros).
import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"p must be in [0, 1], got {p}")
        self.p = p

    def forward(self, x, generator=None):
        if not self.training or self.p == 0.0:
            return x
        if self.p == 1.0:
            return torch.zeros_like(x)  # nothing survives: skip the mask altogether
        mask = torch.rand(x.shape, generator=generator, dtype=x.dtype, device=x.device) >= self.p
        return x * mask / (1.0 - self.p)
