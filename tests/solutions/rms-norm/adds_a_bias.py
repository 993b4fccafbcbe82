# expect: wrong_answer weight_is_the_only_parameter
# Adds a zero-initialised bias like LayerNorm's: same outputs at first, but an extra trainable parameter RMSNorm does not have.
import torch
import torch.nn as nn


class RMSNorm(nn.Module):
    """RMSNorm over the last dimension: x / sqrt(mean(x**2, -1) + eps) * weight."""

    def __init__(self, dim: int, eps: float = 1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))
        self.bias = nn.Parameter(torch.zeros(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        rms = torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + self.eps)
        return x / rms * self.weight + self.bias
