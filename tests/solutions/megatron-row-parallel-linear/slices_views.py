# expect: wrong_answer parameters_are_independent_copies
# Wraps column slices of linear.weight (views) and linear.bias itself in nn.Parameter without cloning: the layer shares storage with linear.
import torch.nn as nn


class RowParallelLinear(nn.Module):
    def __init__(self, linear, world_size):
        super().__init__()
        if world_size < 1 or linear.in_features % world_size:
            raise ValueError("in_features must be divisible by world_size")
        self.world_size = world_size
        self.s = linear.in_features // world_size
        self.weight_shards = nn.ParameterList(
            [nn.Parameter(linear.weight.detach()[:, r * self.s : (r + 1) * self.s]) for r in range(world_size)]
        )
        self.bias = None if linear.bias is None else nn.Parameter(linear.bias.detach())

    def forward(self, x, input_is_parallel=False):
        xs = list(x) if input_is_parallel else [x[..., r * self.s : (r + 1) * self.s] for r in range(self.world_size)]
        out = sum(x_r @ w.T for x_r, w in zip(xs, self.weight_shards))
        if self.bias is not None:
            out = out + self.bias
        return [out] * self.world_size
