"""Hidden tests for megatron-row-parallel-linear."""

import torch
import torch.nn as nn

from mlkata.judge.api import Fail, Rand, WrongAnswer, backward, raises, same, set_param, tensor, test

OUT = 5  # out_features != in_features and != the shard size, so transposes and axes show


def make_linear(seed, d_in=6, d_out=OUT, bias=True, dtype=torch.float32, bias_scale=0.5):
    r = Rand(seed)
    linear = nn.Linear(d_in, d_out, bias=bias).to(dtype)
    set_param(linear, "weight", r.randn(d_out, d_in, scale=0.5).to(dtype))
    if bias:
        set_param(linear, "bias", r.randn(d_out, scale=bias_scale).to(dtype))
    return linear


def outputs(layer, x, world_size, input_is_parallel=None, what="layer(x)"):
    # input_is_parallel=None calls layer(x): the default must be a full input.
    result = layer(x) if input_is_parallel is None else layer(x, input_is_parallel=input_is_parallel)
    if not isinstance(result, (list, tuple)) or len(result) != world_size:
        raise WrongAnswer(f"{what} should return a list of world_size={world_size} tensors (one per rank), got {type(result).__name__}")
    return [tensor(y, f"{what}[{r}]") for r, y in enumerate(result)]


def weight_shards(layer, world_size):
    value = getattr(layer, "weight_shards", None)
    if value is None:
        raise WrongAnswer("RowParallelLinear has no attribute 'weight_shards'")
    items = list(value)
    if len(items) != world_size:
        raise WrongAnswer(f"weight_shards should hold world_size={world_size} shards, got {len(items)}")
    return [tensor(p, f"weight_shards[{r}]") for r, p in enumerate(items)]


def bias_of(layer):
    if not hasattr(layer, "bias"):
        raise WrongAnswer("RowParallelLinear has no attribute 'bias'")
    return layer.bias


@test
def weight_shards_are_column_blocks_in_rank_order(cls):
    layer = cls(make_linear(1, d_in=6), 3)
    return {"weight_shards": weight_shards(layer, 3), "bias": bias_of(layer)}


@test
def output_equals_unsharded_layer(cls):
    # The default input_is_parallel=False: x is the full input.
    layer = cls(make_linear(2, d_in=8), 4)
    return {"outputs per rank": outputs(layer, Rand(20).randn(3, 8), 4)}


@test
def bias_added_once_after_the_all_reduce(cls):
    # A large bias and 4 ranks: adding it on every rank before the sum would count it 4 times.
    layer = cls(make_linear(3, d_in=8, bias_scale=3.0), 4)
    return {"outputs per rank": outputs(layer, Rand(30).randn(2, 8), 4, input_is_parallel=False)}


def _every_rank_full(expected, got):
    ranks = got["outputs per rank"]
    for r, y in enumerate(ranks):
        if tuple(y.shape) != tuple(ranks[0].shape) or not torch.equal(y, ranks[0]):
            raise Fail(f"after the all-reduce every rank must hold the same output, but rank {r} differs from rank 0")
    same(expected["outputs per rank"], got["outputs per rank"], "outputs per rank")


@test(check=_every_rank_full)
def every_rank_holds_the_reduced_output(cls):
    layer = cls(make_linear(4, d_in=6), 2)
    return {"outputs per rank": outputs(layer, Rand(40).randn(4, 6), 2, input_is_parallel=False)}


@test
def parallel_input_list(cls):
    # input_is_parallel=True: rank r receives only its (*, s) slice of the input features.
    layer = cls(make_linear(5, d_in=6), 3)
    xs = [Rand(50 + r).randn(2, 4, 2) for r in range(3)]
    return {"outputs per rank": outputs(layer, xs, 3, input_is_parallel=True)}


@test
def extra_leading_dimensions(cls):
    layer = cls(make_linear(6, d_in=4), 2)
    return {"outputs per rank": outputs(layer, Rand(60).randn(2, 3, 2, 4), 2, input_is_parallel=False)}


GELU = nn.GELU()


@test
def column_then_row_mlp_equals_unsharded(cls):
    # Megatron's MLP: column-parallel fc1 (each rank: its block of hidden features, GELU applied
    # locally), then this layer as fc2 with input_is_parallel=True. Equals fc2(gelu(fc1(x))).
    world_size, hidden = 4, 8
    fc1, fc2 = make_linear(7, d_in=OUT, d_out=hidden), make_linear(8, d_in=hidden)
    x = Rand(70).randn(3, OUT)
    s = hidden // world_size
    with torch.no_grad():
        local = [GELU(x @ fc1.weight[r * s : (r + 1) * s].T + fc1.bias[r * s : (r + 1) * s]) for r in range(world_size)]
    return {"MLP outputs per rank": outputs(cls(fc2, world_size), local, world_size, input_is_parallel=True)}


@test
def gradients_reach_shards_bias_and_input(cls):
    # Backpropagate through rank 0's copy: shards get their column blocks of the full weight
    # gradient and the bias gets the full layer's bias gradient, counted once.
    layer = cls(make_linear(9, d_in=6), 3)
    x = Rand(90).randn(4, 6).requires_grad_(True)
    backward(outputs(layer, x, 3, input_is_parallel=False)[0], seed=91, what="layer(x)[0]")
    return {"weight_shards grads": [p.grad for p in layer.weight_shards], "bias.grad": bias_of(layer).grad, "x.grad": x.grad}


@test
def gradients_reach_each_parallel_input(cls):
    layer = cls(make_linear(10, d_in=8), 2)
    xs = [Rand(100 + r).randn(3, 4).requires_grad_(True) for r in range(2)]
    backward(outputs(layer, xs, 2, input_is_parallel=True)[1], seed=102, what="layer(xs)[1]")
    return {"input grads per rank": [x_r.grad for x_r in xs]}


@test
def world_size_one_holds_everything(cls):
    layer = cls(make_linear(11, d_in=3), 1)
    x = Rand(110).randn(2, 3)
    return {
        "weight_shards": weight_shards(layer, 1),
        "outputs per rank": outputs(layer, x, 1, input_is_parallel=False),
        "outputs per rank (parallel input)": outputs(layer, [x], 1, input_is_parallel=True),
    }


@test
def linear_without_bias(cls):
    layer = cls(make_linear(12, d_in=6, bias=False), 2)
    return {"bias is None": bias_of(layer) is None, "outputs per rank": outputs(layer, Rand(120).randn(3, 6), 2, input_is_parallel=False)}


@test
def rejects_indivisible_in_features(cls):
    cls(make_linear(13, d_in=6), 3)  # divisible: must construct
    return {
        "in_features=6, world_size=4": raises(ValueError, cls, make_linear(14, d_in=6), 4),
        "in_features=7, world_size=2": raises(ValueError, cls, make_linear(15, d_in=7), 2),
        "in_features=6, world_size=0": raises(ValueError, cls, make_linear(16, d_in=6), 0),
    }


@test
def parameters_are_independent_copies(cls):
    linear = make_linear(17, d_in=6)
    layer = cls(linear, 2)
    storage = {linear.weight.untyped_storage().data_ptr(), linear.bias.untyped_storage().data_ptr()}
    with torch.no_grad():
        linear.weight.zero_()
        linear.bias.zero_()
    params = list(layer.parameters())
    return {
        "parameters share storage with linear": any(p.untyped_storage().data_ptr() in storage for p in params),
        "every parameter requires grad": all(p.requires_grad for p in params),
        "outputs per rank after zeroing linear": outputs(layer, Rand(170).randn(2, 6), 2, input_is_parallel=False),
    }


@test
def float64_layer_gives_float64_outputs(cls):
    layer = cls(make_linear(18, d_in=4, dtype=torch.float64), 2)
    x = Rand(180).randn(3, 4).double()
    return {"outputs per rank": outputs(layer, x, 2, input_is_parallel=False)}
