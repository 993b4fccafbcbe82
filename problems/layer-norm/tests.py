"""Hidden tests for layer-norm."""

import torch

from mlkata.judge.api import Rand, WrongAnswer, backward, set_param, test, tensor


def param(module, name):
    """The module's registered parameter `name`, or a clear WrongAnswer."""
    params = dict(module.named_parameters())
    if name not in params:
        raise WrongAnswer(f"LayerNorm has no parameter {name!r}: register it as an nn.Parameter named {name!r}")
    return params[name]


def build(cls, normalized_shape, seed=None, shape=None, **kwargs):
    """LayerNorm(normalized_shape); affine set to ones/zeros, or to random values when seed is given."""
    ln = cls(normalized_shape, **kwargs)
    if seed is None:
        set_param(ln, "weight", torch.ones(shape))
        set_param(ln, "bias", torch.zeros(shape))
    else:
        r = Rand(seed)
        set_param(ln, "weight", 1.0 + r.randn(*shape, scale=0.5))
        set_param(ln, "bias", r.randn(*shape, scale=0.5))
    return ln


def run(ln, x):
    return tensor(ln(x), "out")


@test
def int_shape_normalizes_last_dim(cls):
    # Batch 2 x 3 positions x 6 features; asymmetric so batch-axis statistics show.
    ln = build(cls, 6, shape=(6,))
    x = Rand(1).randn(2, 3, 6) + torch.linspace(-1.0, 1.0, 6)
    return {"out": run(ln, x)}


@test
def tuple_shape_normalizes_last_two_dims(cls):
    # normalized_shape (4, 5): statistics over 20 values at a time, not over the last 5.
    ln = build(cls, (4, 5), shape=(4, 5))
    x = Rand(2).randn(2, 3, 4, 5) + torch.arange(4.0).unsqueeze(-1) * 0.5
    return {"out": run(ln, x)}


@test
def list_shape_accepted(cls):
    ln = build(cls, [3, 4], shape=(3, 4))
    x = Rand(3).randn(5, 3, 4)
    return {"out": run(ln, x)}


@test
def torch_size_shape_accepted(cls):
    x = Rand(4).randn(3, 2, 7)
    ln = build(cls, x.shape[-2:], shape=(2, 7))
    return {"out": run(ln, x)}


@test
def parameters_have_shape_and_initial_values(cls):
    ln2 = cls((3, 4))
    ln1 = cls(5)
    return {
        "LayerNorm((3, 4)).weight": param(ln2, "weight"),
        "LayerNorm((3, 4)).bias": param(ln2, "bias"),
        "LayerNorm(5).weight": param(ln1, "weight"),
        "LayerNorm(5).bias": param(ln1, "bias"),
    }


@test
def weight_and_bias_are_applied(cls):
    ln = build(cls, (3, 4), seed=50, shape=(3, 4))
    x = Rand(5).randn(2, 5, 3, 4)
    return {"out": run(ln, x)}


@test
def gradients_flow_to_input_and_parameters(cls):
    ln = build(cls, (2, 5), seed=60, shape=(2, 5))
    x = Rand(6).randn(3, 4, 2, 5).requires_grad_(True)
    out = run(ln, x)
    backward(out, seed=61, what="out")
    return {"x.grad": x.grad, "weight.grad": param(ln, "weight").grad, "bias.grad": param(ln, "bias").grad}


@test
def eps_inside_square_root(cls):
    # Variance ~1e-5, the size of eps: sqrt(var + eps) and std + eps differ by about 40%.
    ln = build(cls, 8, shape=(8,))
    x = Rand(7).randn(4, 8, scale=0.003)
    return {"out": run(ln, x)}


@test
def custom_eps_is_used(cls):
    # eps = 0.1 with unit-variance rows: ignoring the argument changes the output by ~5%.
    ln = build(cls, 6, shape=(6,), eps=0.1)
    x = Rand(8).randn(3, 6)
    return {"out": run(ln, x)}


# bfloat16 keeps 8 bits of mantissa: a solution that accumulates in bfloat16 and one that
# upcasts to float32 and casts back differ by a few bfloat16 ulps (~2% of values up to 4).
@test(atol=1e-1, rtol=5e-2)
def output_keeps_input_dtype(cls):
    # Module and input in bfloat16: the output must be bfloat16 too (same dtype as x).
    ln = build(cls, (3, 8), seed=90, shape=(3, 8)).to(torch.bfloat16)
    x = Rand(9).randn(2, 4, 3, 8).to(torch.bfloat16)
    return {"out": run(ln, x)}
