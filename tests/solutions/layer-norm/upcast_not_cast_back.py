# expect: wrong_answer output_keeps_input_dtype
# Computes in float32 for stability (as mixed-precision code does) but never casts back: a bfloat16 input gives a float32 output.
import torch
import torch.nn as nn


class LayerNorm(nn.Module):
    """Layer normalisation over the trailing `normalized_shape` dimensions, like nn.LayerNorm."""

    def __init__(self, normalized_shape, eps: float = 1e-5):
        super().__init__()
        if isinstance(normalized_shape, int):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(self.normalized_shape))
        self.bias = nn.Parameter(torch.zeros(self.normalized_shape))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        dims = tuple(range(-len(self.normalized_shape), 0))
        x = x.float()  # statistics in float32 for stability
        mean = x.mean(dim=dims, keepdim=True)
        var = ((x - mean) ** 2).mean(dim=dims, keepdim=True)
        x_hat = (x - mean) / torch.sqrt(var + self.eps)
        return x_hat * self.weight.float() + self.bias.float()
