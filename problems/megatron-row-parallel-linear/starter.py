import torch
import torch.nn as nn


class RowParallelLinear(nn.Module):
    """Megatron's row-parallel linear layer, with the ranks simulated as list entries.

    Rank r owns columns [r * s, (r + 1) * s) of the full weight (out_features, in_features),
    s = in_features // world_size, as weight_shards[r]; the bias is kept whole in self.bias.
    forward(x, input_is_parallel) takes the full input (or, if input_is_parallel, a list of the
    ranks' input slices), sums the ranks' partial outputs (all-reduce), adds the bias once, and
    returns a list of world_size copies of the (*, out_features) output.
    """

    def __init__(self, linear, world_size):
        super().__init__()
        raise NotImplementedError

    def forward(self, x, input_is_parallel=False):
        raise NotImplementedError
