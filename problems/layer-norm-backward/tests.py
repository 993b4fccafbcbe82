"""Hidden tests for layer-norm-backward."""

import torch

from mlkata.judge.api import Rand, close, require, same, tensor, test, unpack

CALL = "layer_norm_backward(dout, x, gamma)"


def inputs(seed, shape=(4, 6), offset=0.5):
    """x with a per-feature offset (rows with a non-zero mean), gamma around 1, dout of unit scale."""
    r = Rand(seed)
    d = shape[-1]
    x = r.randn(*shape) + torch.linspace(-offset, 2 * offset, d)
    gamma = 1.0 + r.randn(d, scale=0.5)
    dout = r.randn(*shape)
    return dout, x, gamma


def grads(fn, dout, x, gamma, **kwargs):
    result = fn(dout, x, gamma, **kwargs)
    dx, dgamma, dbeta = unpack(result, 3, CALL)
    return {"dx": tensor(dx, "dx"), "dgamma": tensor(dgamma, "dgamma"), "dbeta": tensor(dbeta, "dbeta")}


def autograd_grads(dout, x, gamma, eps):
    """What autograd gives for the same forward pass, in float64 (computed on the trusted side)."""
    x = x.detach().double().requires_grad_(True)
    gamma = gamma.detach().double().requires_grad_(True)
    beta = torch.zeros_like(gamma, requires_grad=True)
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
    y = (x - mean) / torch.sqrt(var + eps) * gamma + beta
    (y * dout.double()).sum().backward()
    return {"dx": x.grad, "dgamma": gamma.grad, "dbeta": beta.grad}


def _matches_autograd(expected, got):
    want = autograd_grads(got["dout"], got["x"], got["gamma"], got["eps"])
    for name in ("dx", "dgamma", "dbeta"):
        value = got[name]
        require(
            tuple(value.shape) == tuple(want[name].shape),
            f"{name} has shape {tuple(value.shape)}, expected {tuple(want[name].shape)}",
        )
        close(value.double(), want[name], f"{name} (compared with autograd)")
    same(expected["dx"], got["dx"], "dx")


@test(check=_matches_autograd)
def gradients_match_autograd(fn):
    # 4 rows of 6 features with a non-zero mean: the paths through the mean and the variance matter.
    dout, x, gamma = inputs(1)
    return {**grads(fn, dout, x, gamma), "dout": dout, "x": x, "gamma": gamma, "eps": 1e-5}


@test
def dbeta_sums_upstream_over_rows(fn):
    dout, x, gamma = inputs(2, shape=(5, 4))
    return {"dbeta": grads(fn, dout, x, gamma)["dbeta"]}


@test
def dgamma_sums_over_rows(fn):
    dout, x, gamma = inputs(3, shape=(5, 4))
    return {"dgamma": grads(fn, dout, x, gamma)["dgamma"]}


@test
def dx_matches_reference(fn):
    # D = 3: biased and unbiased variance differ by a factor 1.5.
    dout, x, gamma = inputs(4, shape=(6, 3))
    return {"dx": grads(fn, dout, x, gamma)["dx"]}


def _rows_sum_to_zero(expected, got):
    sums = got["dx"].sum(dim=-1)
    worst = int(sums.abs().argmax())
    require(
        float(sums.abs().max()) < 1e-4,
        f"dx does not sum to 0 over the last axis (row {worst} sums to {float(sums[worst]):.4g}): "
        "adding a constant to a row leaves x_hat unchanged, so the gradient through the mean must cancel it",
    )
    same(expected["dx"], got["dx"], "dx")


@test(check=_rows_sum_to_zero)
def dx_rows_sum_to_zero(fn):
    dout, x, gamma = inputs(5, shape=(3, 8))
    return {"dx": grads(fn, dout, x, gamma)["dx"]}


@test
def gamma_scales_dx(fn):
    # gamma far from 1 and of both signs: dx must carry dout * gamma, not dout alone.
    dout, x, _ = inputs(6, shape=(4, 5))
    gamma = torch.tensor([2.0, -1.5, 0.5, 3.0, -0.25])
    return grads(fn, dout, x, gamma)


@test
def extra_leading_dimensions(fn):
    # (2, 3, 4, 7): gamma and beta gradients sum over all 24 rows, dx keeps the shape.
    dout, x, gamma = inputs(7, shape=(2, 3, 4, 7))
    return grads(fn, dout, x, gamma)


@test
def one_dimensional_input(fn):
    # x of shape (D,): a single row, no leading dimension.
    dout, x, gamma = inputs(8, shape=(9,))
    return grads(fn, dout, x, gamma)


@test
def single_feature_gives_zero_dx(fn):
    # D == 1: x_hat is 0 everywhere, so dx and dgamma are 0 and dbeta = dout summed over rows.
    dout, x, gamma = inputs(9, shape=(5, 1))
    return grads(fn, dout, x, gamma)


@test
def custom_eps_is_used(fn):
    # Rows of small variance (~0.01) with eps = 0.05: eps dominates the denominator.
    r = Rand(10)
    x = r.randn(4, 6, scale=0.1)
    gamma = 1.0 + r.randn(6, scale=0.5)
    dout = r.randn(4, 6)
    return grads(fn, dout, x, gamma, eps=0.05)


@test
def eps_inside_the_square_root(fn):
    # Default eps with a row of variance ~1e-5: sqrt(var + eps) and sqrt(var) + eps differ by ~40%.
    r = Rand(11)
    x = r.randn(3, 8, scale=3e-3)
    gamma = 1.0 + r.randn(8, scale=0.5)
    dout = r.randn(3, 8)
    return grads(fn, dout, x, gamma)


def _unchanged(expected, got):
    for name in ("dout", "x", "gamma"):
        require(
            bool(torch.equal(got[f"{name} after the call"], got[f"{name} before the call"])),
            f"{name} was modified by the call: the inputs must be left unchanged",
        )


@test(check=_unchanged)
def inputs_unchanged(fn):
    dout, x, gamma = inputs(12, shape=(3, 5))
    _before = {"dout before the call": dout.clone(), "x before the call": x.clone(), "gamma before the call": gamma.clone()}
    fn(dout, x, gamma)
    return {**_before, "dout after the call": dout, "x after the call": x, "gamma after the call": gamma}


@test
def outputs_keep_input_dtype(fn):
    # float64 inputs (the tests' one exception to float32): dx, dgamma and dbeta are float64 too.
    dout, x, gamma = (t.double() for t in inputs(13, shape=(3, 4)))
    return grads(fn, dout, x, gamma)
