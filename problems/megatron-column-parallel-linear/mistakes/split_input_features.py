# mistake: the weight was split along in_features (the row-parallel layout): a column-parallel layer gives each rank a block of output features (rows of the weight)
import torch
import torch.nn as nn


class ColumnParallelLinear(nn.Module):
    def __init__(self, linear, world_size):
        super().__init__()
        if world_size < 1 or linear.out_features % world_size:
            raise ValueError("out_features must be divisible by world_size")
        self.world_size = world_size
        self.weight_shards = nn.ParameterList([nn.Parameter(w.clone()) for w in linear.weight.detach().chunk(world_size, dim=1)])
        self.bias_shards = None
        if linear.bias is not None:
            self.bias_shards = nn.ParameterList([nn.Parameter(b.clone()) for b in linear.bias.detach().chunk(world_size)])

    def forward(self, x, gather_output=True):
        xs = x.chunk(self.world_size, dim=-1)
        full = sum(xi @ w.T for xi, w in zip(xs, self.weight_shards))
        if self.bias_shards is not None:
            full = full + torch.cat(list(self.bias_shards))
        if gather_output:
            return [full] * self.world_size
        return list(full.chunk(self.world_size, dim=-1))
