# mistake: the RMS was taken over the batch axis: take it over the last (feature) dimension
import torch
import torch.nn as nn


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float = 1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x / torch.sqrt(x.pow(2).mean(dim=0, keepdim=True) + self.eps) * self.weight
