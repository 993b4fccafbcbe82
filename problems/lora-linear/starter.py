import math

import torch
import torch.nn as nn


class LoRALinear(nn.Module):
    """A frozen nn.Linear plus a trainable low-rank update (alpha / r) * B @ A.

    lora_A: (r, in_features), random non-zero init. lora_B: (out_features, r), zeros.
    forward(x) = base(x) + x @ lora_A.T @ lora_B.T * (alpha / r).
    """

    def __init__(self, base: nn.Linear, r: int, alpha: float):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: (*, in_features) -> (*, out_features)."""
        raise NotImplementedError

    def merge(self) -> nn.Linear:
        """A new nn.Linear with weight W + (alpha / r) * B @ A and base's bias; self unchanged."""
        raise NotImplementedError
