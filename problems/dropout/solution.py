import torch
from torch import nn


class Dropout(nn.Module):
    """Inverted dropout with an optional explicit generator."""

    def __init__(self, p=0.5):
        super().__init__()
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"dropout probability must be in [0, 1], got {p}")
        self.p = p

    def forward(self, x, generator=None):
        if not self.training or self.p == 0.0:
            return x
        if self.p == 1.0:
            # All zeros without 0 * (1 / 0), still in x's graph (zero gradient), as torch does.
            return x * 0.0
        keep = torch.rand(x.shape, generator=generator, dtype=x.dtype, device=x.device) >= self.p
        return torch.where(keep, x / (1.0 - self.p), torch.zeros_like(x))
