# mlkata: layer-norm
# expect: forbidden_api
# Calls the forbidden ATen operator through torch.ops.aten, spelled so no scan sees it.
import torch
import torch.nn as nn


class LayerNorm(nn.Module):
    def __init__(self, normalized_shape, eps: float = 1e-5):
        super().__init__()
        shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
        self.normalized_shape, self.eps = shape, eps
        self.weight = nn.Parameter(torch.ones(shape))
        self.bias = nn.Parameter(torch.zeros(shape))

    def forward(self, x):
        op = getattr(torch.ops.aten, "layer" + "_norm").default
        return op(x, list(self.normalized_shape), self.weight, self.bias, self.eps)
