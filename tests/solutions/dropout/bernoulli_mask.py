# expect: passed
# Correct alternative: a Bernoulli keep-mask scaled once, the p edge cases handled by the clamp.
import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"p={p} is not a probability")
        self.p = float(p)

    def forward(self, x, generator=None):
        if not self.training:
            return x
        keep_prob = 1.0 - self.p
        mask = torch.bernoulli(torch.full_like(x, keep_prob), generator=generator)
        scale = 1.0 / keep_prob if keep_prob > 0 else 0.0
        return x * (mask * scale)
