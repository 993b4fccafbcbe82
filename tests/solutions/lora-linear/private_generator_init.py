# expect: wrong_answer lora_A_drawn_from_global_rng
# Initialises lora_A from a private torch.Generator().manual_seed(0): every layer gets the same matrix whatever torch.manual_seed says.
import math

import torch
import torch.nn as nn


class LoRALinear(nn.Module):
    """A frozen nn.Linear plus a trainable low-rank update (alpha / r) * B @ A."""

    def __init__(self, base: nn.Linear, r: int, alpha: float):
        super().__init__()
        if r <= 0:
            raise ValueError(f"rank r must be positive, got {r}")
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.r = r
        self.alpha = alpha
        self.scaling = alpha / r
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r))
        with torch.no_grad():
            self.lora_A.uniform_(-0.1, 0.1, generator=torch.Generator().manual_seed(0))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.lora_A.T @ self.lora_B.T) * self.scaling

    def merge(self) -> nn.Linear:
        base = self.base
        merged = nn.Linear(base.in_features, base.out_features, bias=base.bias is not None)
        with torch.no_grad():
            merged.weight.copy_(base.weight + self.scaling * (self.lora_B @ self.lora_A))
            if base.bias is not None:
                merged.bias.copy_(base.bias)
        return merged
