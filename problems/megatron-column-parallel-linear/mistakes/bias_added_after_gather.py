# mistake: the bias was added only after the all-gather, so the local outputs miss it: each rank adds its own bias shard to its local output
import torch
import torch.nn as nn


class ColumnParallelLinear(nn.Module):
    def __init__(self, linear, world_size):
        super().__init__()
        out_features = linear.out_features
        if world_size < 1 or out_features % world_size != 0:
            raise ValueError(f"out_features={out_features} is not divisible by world_size={world_size}")
        self.world_size = world_size
        size = out_features // world_size
        weight = linear.weight.detach()
        # Rank r owns output features [r * size, (r + 1) * size): rows of W, the columns of W^T.
        self.weight_shards = nn.ParameterList(
            [nn.Parameter(weight[r * size : (r + 1) * size].clone()) for r in range(world_size)]
        )
        if linear.bias is None:
            self.bias_shards = None
        else:
            bias = linear.bias.detach()
            self.bias_shards = nn.ParameterList(
                [nn.Parameter(bias[r * size : (r + 1) * size].clone()) for r in range(world_size)]
            )

    def forward(self, x, gather_output=True):
        # x is replicated on every rank; each rank multiplies by its own shard only.
        local = []
        for r in range(self.world_size):
            y = x @ self.weight_shards[r].T
            local.append(y)
        if not gather_output:
            return local
        full = torch.cat(local, dim=-1)  # all-gather along the feature axis, in rank order
        if self.bias_shards is not None:
            full = full + torch.cat(list(self.bias_shards))  # the bias once, after the gather
        return [full for _ in range(self.world_size)]
