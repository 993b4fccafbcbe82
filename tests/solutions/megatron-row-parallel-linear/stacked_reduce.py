# expect: passed
# Correct alternative: tensor_split for the input, F.linear without bias per rank, a stacked sum as the all-reduce.
import torch
import torch.nn as nn
import torch.nn.functional as F


def all_reduce_sum(partials):
    """What every rank holds after an all-reduce (sum) of the partial tensors."""
    total = torch.stack(partials).sum(dim=0)
    return [total] * len(partials)


class RowParallelLinear(nn.Module):
    def __init__(self, linear, world_size):
        super().__init__()
        if not (world_size >= 1 and linear.in_features % world_size == 0):
            raise ValueError(f"cannot split {linear.in_features} input features over {world_size} ranks")
        self.weight_shards = nn.ParameterList(
            nn.Parameter(w.detach().clone()) for w in torch.tensor_split(linear.weight, world_size, dim=1)
        )
        self.bias = nn.Parameter(linear.bias.detach().clone()) if linear.bias is not None else None

    def forward(self, x, input_is_parallel=False):
        world_size = len(self.weight_shards)
        xs = list(x) if input_is_parallel else list(torch.tensor_split(x, world_size, dim=-1))
        outs = all_reduce_sum([F.linear(x_r, w) for x_r, w in zip(xs, self.weight_shards)])
        return outs if self.bias is None else [y + self.bias for y in outs]
