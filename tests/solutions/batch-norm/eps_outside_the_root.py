# expect: wrong_answer custom_eps_inside_the_square_root
# Adds eps after the square root: x_hat = (x - mean) / (sqrt(var) + eps).
import torch
from torch import nn


class BatchNorm1d(nn.Module):
    """BatchNorm1d with affine parameters and running statistics."""

    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.weight = nn.Parameter(torch.ones(num_features))
        self.bias = nn.Parameter(torch.zeros(num_features))
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))

    def forward(self, x):
        dims = [0] if x.dim() == 2 else [0, 2]          # every axis except the channels
        shape = [1, -1] + [1] * (x.dim() - 2)           # broadcast (C,) over x
        if self.training:
            mean = x.mean(dim=dims)
            var = x.var(dim=dims, unbiased=False)       # biased: used to normalise
            n = x.numel() // x.size(1)
            with torch.no_grad():
                unbiased = var * n / (n - 1)            # unbiased: used for the running estimate
                self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean)
                self.running_var.mul_(1 - self.momentum).add_(self.momentum * unbiased)
        else:
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean.view(shape)) / (torch.sqrt(var.view(shape)) + self.eps)
        return x_hat * self.weight.view(shape) + self.bias.view(shape)
