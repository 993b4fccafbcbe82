# expect: wrong_answer gathered_output_equals_unsharded_layer
# Returns the gathered output as a single tensor instead of one copy per rank.
import torch
import torch.nn as nn


class ColumnParallelLinear(nn.Module):
    def __init__(self, linear, world_size):
        super().__init__()
        if world_size < 1 or linear.out_features % world_size:
            raise ValueError("out_features must be divisible by world_size")
        self.world_size = world_size
        self.weight_shards = nn.ParameterList([nn.Parameter(w.clone()) for w in linear.weight.detach().chunk(world_size)])
        self.bias_shards = None
        if linear.bias is not None:
            self.bias_shards = nn.ParameterList([nn.Parameter(b.clone()) for b in linear.bias.detach().chunk(world_size)])

    def forward(self, x, gather_output=True):
        local = [x @ w.T + (self.bias_shards[r] if self.bias_shards is not None else 0) for r, w in enumerate(self.weight_shards)]
        return torch.cat(local, dim=-1) if gather_output else local
