# expect: wrong_answer gradients_flow_to_input_and_weight
# Computes the RMS from x.detach(): right forward, but the gradient misses the d(rms)/dx term.
import torch
import torch.nn as nn


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float = 1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        rms = torch.sqrt(x.detach().pow(2).mean(dim=-1, keepdim=True) + self.eps)
        return x / rms * self.weight
