# mlkata: layer-norm
# expect: forbidden_api
# Calls the forbidden torch.layer_norm by another name (torch._C._VariableFunctions), spelled so no scan sees it.
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
        functions = getattr(torch._C, "_Variable" + "Functions")
        return getattr(functions, "layer" + "_norm")(x, self.normalized_shape, self.weight, self.bias, self.eps)
