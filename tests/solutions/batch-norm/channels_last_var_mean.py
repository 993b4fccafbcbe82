# expect: passed
# Correct alternative: moves channels last, flattens to (n, C) and uses var_mean; lerp_ for the running update.
import torch
from torch import nn


class BatchNorm1d(nn.Module):
    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(num_features))
        self.bias = nn.Parameter(torch.zeros(num_features))
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))
        self.register_buffer("num_batches_tracked", torch.tensor(0))

    def forward(self, x):
        xc = x if x.dim() == 2 else x.transpose(1, 2)        # (N, C) or (N, L, C)
        flat = xc.reshape(-1, xc.size(-1))                    # (n, C)
        if self.training:
            var, mean = torch.var_mean(flat, dim=0, correction=0)
            n = flat.size(0)
            with torch.no_grad():
                self.running_mean.lerp_(mean, self.momentum)
                self.running_var.lerp_(var * (n / (n - 1)), self.momentum)
                self.num_batches_tracked += 1
        else:
            mean, var = self.running_mean, self.running_var
        y = (xc - mean) * torch.rsqrt(var + self.eps) * self.weight + self.bias
        return y if x.dim() == 2 else y.transpose(1, 2)
