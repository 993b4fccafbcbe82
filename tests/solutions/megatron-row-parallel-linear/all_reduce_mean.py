# expect: wrong_answer output_equals_unsharded_layer
# The partial outputs were averaged: the all-reduce is a sum, since each rank holds part of the sum over input features.
import torch.nn as nn


class RowParallelLinear(nn.Module):
    def __init__(self, linear, world_size):
        super().__init__()
        in_features = linear.in_features
        if world_size < 1 or in_features % world_size != 0:
            raise ValueError(f"in_features={in_features} is not divisible by world_size={world_size}")
        self.world_size = world_size
        self.size = in_features // world_size
        weight = linear.weight.detach()
        # Rank r owns input features [r * size, (r + 1) * size): columns of W, the rows of W^T.
        self.weight_shards = nn.ParameterList(
            [nn.Parameter(weight[:, r * self.size : (r + 1) * self.size].clone()) for r in range(world_size)]
        )
        # The bias is not split: it is added once, after the all-reduce.
        self.bias = None if linear.bias is None else nn.Parameter(linear.bias.detach().clone())

    def forward(self, x, input_is_parallel=False):
        if input_is_parallel:
            local_inputs = list(x)  # rank r already holds its slice of the input features
        else:
            local_inputs = [x[..., r * self.size : (r + 1) * self.size] for r in range(self.world_size)]
        partial = [local_inputs[r] @ self.weight_shards[r].T for r in range(self.world_size)]
        total = partial[0]
        for p in partial[1:]:  # all-reduce (sum) of the partial outputs
            total = total + p
        total = total / self.world_size  # all-reduce with op=AVG
        if self.bias is not None:
            total = total + self.bias
        return [total for _ in range(self.world_size)]
