# expect: passed
# Correct alternative: the RMS from torch.linalg.vector_norm (||x|| / sqrt(d)), eps inside the root.
import math

import torch
import torch.nn as nn


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float = 1e-6):
        super().__init__()
        self.dim = dim
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        ms = torch.linalg.vector_norm(x, ord=2, dim=-1, keepdim=True).square() / self.dim
        return self.weight * (x / (ms + self.eps).sqrt())
