import torch
from torch import nn


class Dropout(nn.Module):
    """Inverted dropout: in training, zero each element with probability p and scale the rest
    by 1 / (1 - p); in eval mode, return x unchanged."""

    def __init__(self, p=0.5):
        """Raise ValueError unless 0 <= p <= 1."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x, generator=None):
        """x: float tensor of any shape; generator: optional torch.Generator, the only source of
        randomness when given. Returns a tensor shaped like x; never modifies x in place."""
        raise NotImplementedError
