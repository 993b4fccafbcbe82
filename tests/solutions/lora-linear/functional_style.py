# expect: passed
# Correct alternative: F.linear for both paths, einsum-free merge via torch.addmm, fresh Parameters.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class LoRALinear(nn.Module):
    def __init__(self, base, r, alpha):
        super().__init__()
        if not r > 0:
            raise ValueError(f"r must be > 0, got {r}")
        base.requires_grad_(False)
        self.base = base
        self.r, self.alpha = r, alpha
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features).uniform_(-1 / math.sqrt(r), 1 / math.sqrt(r)))
        self.lora_B = nn.Parameter(base.weight.new_zeros(base.out_features, r))

    @property
    def scale(self):
        return self.alpha / self.r

    def forward(self, x):
        return self.base(x) + F.linear(F.linear(x, self.lora_A), self.lora_B) * self.scale

    def merge(self):
        w = torch.addmm(self.base.weight, self.lora_B, self.lora_A, alpha=self.scale).detach().clone()
        has_bias = self.base.bias is not None
        out = nn.Linear(self.base.in_features, self.base.out_features, bias=has_bias)
        out.weight = nn.Parameter(w)
        if has_bias:
            out.bias = nn.Parameter(self.base.bias.detach().clone())
        return out
