# expect: wrong_answer kept_values_scaled_by_inverse_keep_prob
# Multiplies the kept values by (1 - p), the inference-time rule, instead of dividing by it.
import torch
from torch import nn


class Dropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        if not 0 <= p <= 1:
            raise ValueError("p must be in [0, 1]")
        self.p = p

    def forward(self, x, generator=None):
        if not self.training:
            return x
        keep = torch.rand(x.shape, generator=generator) >= self.p
        return x * keep * (1 - self.p)
