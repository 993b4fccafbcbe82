# expect: wrong_answer shards_are_independent_copies
# Wraps views from weight.chunk() in nn.Parameter without cloning: the shards share storage with the original layer.
import torch
import torch.nn as nn


class ColumnParallelLinear(nn.Module):
    def __init__(self, linear, world_size):
        super().__init__()
        if world_size < 1 or linear.out_features % world_size:
            raise ValueError("out_features must be divisible by world_size")
        self.world_size = world_size
        self.weight_shards = nn.ParameterList([nn.Parameter(w) for w in linear.weight.detach().chunk(world_size, dim=0)])
        self.bias_shards = None
        if linear.bias is not None:
            self.bias_shards = nn.ParameterList([nn.Parameter(b) for b in linear.bias.detach().chunk(world_size)])

    def forward(self, x, gather_output=True):
        local = [x @ w.T + (0 if self.bias_shards is None else self.bias_shards[r]) for r, w in enumerate(self.weight_shards)]
        if gather_output:
            return [torch.cat(local, dim=-1)] * self.world_size
        return local
