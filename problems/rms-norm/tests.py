"""Hidden tests for rms-norm."""

import torch

from mlkata.judge.api import Fail, Rand, WrongAnswer, backward, set_param, test, tensor


def weight_of(module):
    """The module's registered parameter `weight`, or a clear WrongAnswer."""
    params = dict(module.named_parameters())
    if "weight" not in params:
        raise WrongAnswer("RMSNorm has no parameter 'weight': register it as an nn.Parameter named 'weight'")
    return params["weight"]


def build(cls, dim, seed=None, **kwargs):
    """RMSNorm(dim); weight set to ones, or to random values when seed is given."""
    norm = cls(dim, **kwargs)
    w = torch.ones(dim) if seed is None else 1.0 + Rand(seed).randn(dim, scale=0.5)
    set_param(norm, "weight", w)
    return norm


def run(norm, x):
    return tensor(norm(x), "out")


@test
def output_matches_reference(cls):
    # Rows with a clear non-zero mean, so subtracting it (LayerNorm) shows.
    norm = build(cls, 8)
    x = Rand(1).randn(2, 3, 8) + torch.linspace(-0.5, 1.5, 8)
    return {"out": run(norm, x)}


@test
def extra_leading_dimensions(cls):
    norm = build(cls, 5)
    x = Rand(2).randn(2, 3, 4, 5) + 0.3
    return {"out": run(norm, x)}


@test
def weight_initialised_to_ones(cls):
    return {"RMSNorm(7).weight": weight_of(cls(7))}


@test
def weight_is_applied(cls):
    norm = build(cls, 6, seed=40)
    x = Rand(4).randn(3, 6)
    return {"out": run(norm, x)}


@test
def gradients_flow_to_input_and_weight(cls):
    norm = build(cls, 6, seed=50)
    x = (Rand(5).randn(2, 4, 6) + 0.2).requires_grad_(True)
    out = run(norm, x)
    backward(out, seed=51, what="out")
    return {"x.grad": x.grad, "weight.grad": weight_of(norm).grad}


@test
def eps_inside_square_root(cls):
    # Mean square ~1e-6, the size of the default eps: sqrt(ms + eps) and rms + eps differ by ~40%.
    norm = build(cls, 16)
    x = Rand(6).randn(4, 16, scale=0.001)
    return {"out": run(norm, x)}


@test
def custom_eps_is_used(cls):
    # eps = 0.1 with unit-scale rows: ignoring the argument changes the output by ~5%.
    norm = build(cls, 6, eps=0.1)
    x = Rand(7).randn(3, 6)
    return {"out": run(norm, x)}


@test
def float64_input_keeps_dtype(cls):
    norm = build(cls, 5, seed=80)
    x = Rand(8).randn(2, 3, 5).double()
    return {"out": run(norm, x)}


def _only_weight(expected, got):
    names = got["parameters of RMSNorm(6)"]
    if names != ["weight"]:
        raise Fail(f"RMSNorm(6) has the parameters {names}: its only parameter is weight (no bias, unlike LayerNorm)")


@test(check=_only_weight)
def weight_is_the_only_parameter(cls):
    # RMSNorm has no bias: its one learnable parameter is weight.
    return {"parameters of RMSNorm(6)": sorted(name for name, _ in cls(6).named_parameters())}
