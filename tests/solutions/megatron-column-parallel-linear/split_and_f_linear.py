# expect: passed
# Correct alternative: torch.split into shards, F.linear per rank, and an explicit all_gather helper.
import torch
import torch.nn as nn
import torch.nn.functional as F


def all_gather(local, dim=-1):
    """What every rank holds after an all-gather of the local tensors."""
    gathered = torch.cat(local, dim=dim)
    return [gathered] * len(local)


class ColumnParallelLinear(nn.Module):
    def __init__(self, linear, world_size):
        super().__init__()
        if not (world_size >= 1 and linear.out_features % world_size == 0):
            raise ValueError(f"cannot split {linear.out_features} output features over {world_size} ranks")
        size = linear.out_features // world_size
        self.weight_shards = nn.ParameterList(nn.Parameter(w.detach().clone()) for w in torch.split(linear.weight, size, dim=0))
        self.bias_shards = None
        if linear.bias is not None:
            self.bias_shards = nn.ParameterList(nn.Parameter(b.detach().clone()) for b in torch.split(linear.bias, size))

    def forward(self, x, gather_output=True):
        biases = self.bias_shards if self.bias_shards is not None else [None] * len(self.weight_shards)
        local = [F.linear(x, w, b) for w, b in zip(self.weight_shards, biases)]
        return all_gather(local) if gather_output else local
