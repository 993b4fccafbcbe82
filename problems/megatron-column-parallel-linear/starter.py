import torch
import torch.nn as nn


class ColumnParallelLinear(nn.Module):
    """Megatron's column-parallel linear layer, with the ranks simulated as list entries.

    Rank r owns rows [r * s, (r + 1) * s) of the full weight (out_features, in_features) and the
    matching bias entries, s = out_features // world_size, as weight_shards[r] / bias_shards[r].
    forward(x, gather_output) returns a list of world_size tensors: each rank's local output
    (*, s), or, after an all-gather, the full output (*, out_features) on every rank.
    """

    def __init__(self, linear, world_size):
        super().__init__()
        raise NotImplementedError

    def forward(self, x, gather_output=True):
        raise NotImplementedError
