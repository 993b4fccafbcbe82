# mistake: merge() changed the base layer in place, so the module now adds the update twice
import math

import torch
import torch.nn as nn


class LoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, r: int, alpha: float):
        super().__init__()
        if r <= 0:
            raise ValueError("r must be positive")
        self.base = base
        for p in base.parameters():
            p.requires_grad = False
        self.scaling = alpha / r
        self.lora_A = nn.Parameter(torch.randn(r, base.in_features) * 0.01)
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r))

    def forward(self, x):
        return self.base(x) + (x @ self.lora_A.T @ self.lora_B.T) * self.scaling


    def merge(self):
        # Folds the update into the base layer in place and returns it.
        with torch.no_grad():
            self.base.weight += self.scaling * self.lora_B @ self.lora_A
        return self.base
