# mistake: the weight was split by output features (the column-parallel layout): a row-parallel layer splits in_features and all-reduces (sums) the partial outputs
import torch
import torch.nn as nn


class RowParallelLinear(nn.Module):
    def __init__(self, linear, world_size):
        super().__init__()
        if world_size < 1 or linear.in_features % world_size:
            raise ValueError("in_features must be divisible by world_size")
        self.world_size = world_size
        self.weight_shards = nn.ParameterList([nn.Parameter(w.clone()) for w in linear.weight.detach().chunk(world_size, dim=0)])
        self.bias = None if linear.bias is None else nn.Parameter(linear.bias.detach().clone())

    def forward(self, x, input_is_parallel=False):
        if input_is_parallel:
            x = torch.cat(list(x), dim=-1)
        out = torch.cat([x @ w.T for w in self.weight_shards], dim=-1)
        if self.bias is not None:
            out = out + self.bias
        return [out] * self.world_size
