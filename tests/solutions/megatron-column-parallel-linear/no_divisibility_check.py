# expect: wrong_answer rejects_indivisible_out_features
# Lets torch.chunk pick the shard sizes: an indivisible out_features silently gives fewer or uneven shards instead of a ValueError.
import torch
import torch.nn as nn


class ColumnParallelLinear(nn.Module):
    def __init__(self, linear, world_size):
        super().__init__()
        self.world_size = world_size
        self.weight_shards = nn.ParameterList([nn.Parameter(w.clone()) for w in linear.weight.detach().chunk(world_size, dim=0)])
        self.bias_shards = None
        if linear.bias is not None:
            self.bias_shards = nn.ParameterList([nn.Parameter(b.clone()) for b in linear.bias.detach().chunk(world_size)])

    def forward(self, x, gather_output=True):
        local = []
        for r, w in enumerate(self.weight_shards):
            y = x @ w.T
            if self.bias_shards is not None:
                y = y + self.bias_shards[r]
            local.append(y)
        if gather_output:
            return [torch.cat(local, dim=-1) for _ in range(self.world_size)]
        return local
