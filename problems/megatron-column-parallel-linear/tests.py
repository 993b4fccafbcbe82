"""Hidden tests for megatron-column-parallel-linear."""

import torch
import torch.nn as nn

from mlkata.judge.api import Fail, Rand, WrongAnswer, backward, raises, same, set_param, tensor, test

IN = 5  # in_features != out_features and != the shard size, so transposes and axes show


def make_linear(seed, d_in=IN, d_out=6, bias=True, dtype=torch.float32):
    r = Rand(seed)
    linear = nn.Linear(d_in, d_out, bias=bias).to(dtype)
    set_param(linear, "weight", r.randn(d_out, d_in, scale=0.5).to(dtype))
    if bias:
        set_param(linear, "bias", r.randn(d_out, scale=0.5).to(dtype))
    return linear


def outputs(layer, x, world_size, gather_output=True, what="layer(x)"):
    # gather_output=None calls layer(x): the default must be to gather.
    result = layer(x) if gather_output is None else layer(x, gather_output=gather_output)
    if not isinstance(result, (list, tuple)) or len(result) != world_size:
        raise WrongAnswer(f"{what} should return a list of world_size={world_size} tensors (one per rank), got {type(result).__name__}")
    return [tensor(y, f"{what}[{r}]") for r, y in enumerate(result)]


def shards(layer, name, world_size):
    value = getattr(layer, name, "missing")
    if isinstance(value, str):
        raise WrongAnswer(f"ColumnParallelLinear has no attribute {name!r}")
    if value is None:
        return None
    items = list(value)
    if len(items) != world_size:
        raise WrongAnswer(f"{name} should hold world_size={world_size} shards, got {len(items)}")
    return [tensor(p, f"{name}[{r}]") for r, p in enumerate(items)]


@test
def weight_shards_are_row_blocks_in_rank_order(cls):
    layer = cls(make_linear(1, d_out=6), 3)
    return {"weight_shards": shards(layer, "weight_shards", 3), "bias_shards": shards(layer, "bias_shards", 3)}


@test
def gathered_output_equals_unsharded_layer(cls):
    linear = make_linear(2, d_out=8)
    x = Rand(20).randn(4, IN)
    return {"outputs per rank": outputs(cls(linear, 4), x, 4, gather_output=None)}


def _every_rank_full(expected, got):
    ranks = got["outputs per rank"]
    for r, y in enumerate(ranks):
        if tuple(y.shape) != tuple(ranks[0].shape) or not torch.equal(y, ranks[0]):
            raise Fail(f"after the all-gather every rank must hold the same full output, but rank {r} differs from rank 0")
    same(expected["outputs per rank"], got["outputs per rank"], "outputs per rank")


@test(check=_every_rank_full)
def every_rank_holds_the_full_output(cls):
    layer = cls(make_linear(3, d_out=6), 2)
    return {"outputs per rank": outputs(layer, Rand(30).randn(3, IN), 2)}


@test
def local_outputs_without_gather(cls):
    layer = cls(make_linear(4, d_out=6), 3)
    return {"local outputs": outputs(layer, Rand(40).randn(2, 4, IN), 3, gather_output=False)}


@test
def extra_leading_dimensions(cls):
    layer = cls(make_linear(5, d_out=4), 2)
    return {"outputs per rank": outputs(layer, Rand(50).randn(2, 3, 2, IN), 2)}


@test
def gradients_reach_every_shard_through_the_gather(cls):
    # Backpropagate through rank 0's copy of the gathered output only: every shard still gets
    # its slice of the full layer's weight gradient.
    layer = cls(make_linear(6, d_out=6), 3)
    x = Rand(60).randn(4, IN).requires_grad_(True)
    backward(outputs(layer, x, 3)[0], seed=61, what="layer(x)[0]")
    return {
        "weight_shards grads": [p.grad for p in layer.weight_shards],
        "bias_shards grads": [p.grad for p in layer.bias_shards],
        "x.grad": x.grad,
    }


@test
def input_gradient_sums_over_ranks(cls):
    # Backpropagate through every rank's local output: x.grad is the sum of the ranks'
    # contributions, equal to the unsharded layer's input gradient.
    layer = cls(make_linear(7, d_out=8), 4)
    x = Rand(70).randn(3, IN).requires_grad_(True)
    local = outputs(layer, x, 4, gather_output=False)
    backward(torch.cat(local, dim=-1), seed=71, what="the local outputs")
    return {"x.grad": x.grad}


@test
def world_size_one_holds_everything(cls):
    linear = make_linear(8, d_out=3)
    layer = cls(linear, 1)
    x = Rand(80).randn(2, IN)
    return {
        "weight_shards": shards(layer, "weight_shards", 1),
        "outputs per rank": outputs(layer, x, 1),
        "local outputs": outputs(layer, x, 1, gather_output=False),
    }


@test
def linear_without_bias(cls):
    layer = cls(make_linear(9, d_out=6, bias=False), 2)
    return {
        "bias_shards is None": getattr(layer, "bias_shards", "missing") is None,
        "outputs per rank": outputs(layer, Rand(90).randn(3, IN), 2),
    }


@test
def rejects_indivisible_out_features(cls):
    cls(make_linear(10, d_out=6), 2)  # divisible: must construct
    return {
        "out_features=6, world_size=4": raises(ValueError, cls, make_linear(11, d_out=6), 4),
        "out_features=7, world_size=2": raises(ValueError, cls, make_linear(12, d_out=7), 2),
        "out_features=6, world_size=0": raises(ValueError, cls, make_linear(13, d_out=6), 0),
    }


@test
def shards_are_independent_copies(cls):
    linear = make_linear(14, d_out=6)
    layer = cls(linear, 2)
    storage = {linear.weight.untyped_storage().data_ptr(), linear.bias.untyped_storage().data_ptr()}
    with torch.no_grad():
        linear.weight.zero_()
        linear.bias.zero_()
    params = list(layer.parameters())
    return {
        "shards share storage with linear": any(p.untyped_storage().data_ptr() in storage for p in params),
        "every shard requires grad": all(p.requires_grad for p in params),
        "outputs per rank after zeroing linear": outputs(layer, Rand(140).randn(2, IN), 2),
    }


@test
def float64_layer_gives_float64_outputs(cls):
    layer = cls(make_linear(15, d_out=4, dtype=torch.float64), 2)
    x = Rand(150).randn(3, IN).double()
    return {"outputs per rank": outputs(layer, x, 2), "local outputs": outputs(layer, x, 2, gather_output=False)}
