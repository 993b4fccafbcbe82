# expect: passed
# Correct alternative: flatten the normalised dims, torch.var_mean(correction=0) and rsqrt.
import torch
from torch import nn


class LayerNorm(nn.Module):
    def __init__(self, normalized_shape, eps=1e-5):
        super().__init__()
        shape = torch.Size([normalized_shape]) if isinstance(normalized_shape, int) else torch.Size(normalized_shape)
        self.shape = shape
        self.eps = float(eps)
        self.weight = nn.Parameter(torch.ones(shape))
        self.bias = nn.Parameter(torch.zeros(shape))

    def forward(self, x):
        lead = x.shape[: x.dim() - len(self.shape)]
        flat = x.reshape(*lead, -1)
        var, mean = torch.var_mean(flat, dim=-1, keepdim=True, correction=0)
        y = (flat - mean) * torch.rsqrt(var + self.eps)
        return torch.addcmul(self.bias, y.reshape(x.shape), self.weight)
