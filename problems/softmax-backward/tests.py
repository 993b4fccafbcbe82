"""Hidden tests for softmax-backward."""

import torch

from mlkata.judge.api import Rand, require, same, tensor, test


def inputs(seed, shape, dim=-1, scale=1.0):
    r = Rand(seed)
    y = torch.softmax(r.randn(*shape, scale=scale), dim=dim)
    grad_y = r.randn(*shape)
    return y, grad_y


def grad(fn, y, grad_y, dim=None):
    out = fn(y, grad_y) if dim is None else fn(y, grad_y, dim)
    return tensor(out, "grad_x").detach()


@test
def matches_autograd_last_axis(fn):
    # Default dim=-1; non-square trailing dims so an axis mistake shows.
    y, grad_y = inputs(1, (2, 3, 7))
    return {"grad_x": grad(fn, y, grad_y)}


@test
def constant_upstream_gives_zero(fn):
    # Softmax ignores a constant shift, so g = c * ones must give a zero gradient.
    y, _ = inputs(2, (3, 6))
    grad_y = torch.full((3, 6), 2.5)
    return {"grad_x": grad(fn, y, grad_y)}


@test
def softmax_over_first_axis(fn):
    y, grad_y = inputs(3, (5, 3, 4), dim=0)
    return {"grad_x": grad(fn, y, grad_y, 0)}


@test
def softmax_over_middle_axis(fn):
    y, grad_y = inputs(4, (2, 6, 3), dim=1)
    return {"grad_x": grad(fn, y, grad_y, 1)}


@test
def negative_non_last_axis(fn):
    y, grad_y = inputs(5, (3, 5, 2), dim=-2)
    return {"grad_x": grad(fn, y, grad_y, -2)}


@test
def one_dimensional_input(fn):
    y, grad_y = inputs(6, (9,))
    return {"grad_x": grad(fn, y, grad_y)}


@test
def peaked_softmax(fn):
    # Large logits: y is nearly one-hot, most entries tiny.
    y, grad_y = inputs(7, (4, 8), scale=8.0)
    return {"grad_x": grad(fn, y, grad_y)}


def _dtype_kept(expected, got):
    require(got["dtype"] == "torch.float64", f"grad_x is {got['dtype']}: float64 inputs give a float64 gradient")
    same(expected["grad_x"], got["grad_x"], "grad_x")


@test(check=_dtype_kept)
def keeps_float64(fn):
    y, grad_y = inputs(8, (3, 5))
    y, grad_y = y.double(), grad_y.double()
    out = grad(fn, y, grad_y)
    return {"grad_x": out, "dtype": str(out.dtype)}


def _unchanged(expected, got):
    require(got["y unchanged"], "softmax_backward modified y in place: y must hold its values after the call")
    require(got["grad_y unchanged"], "softmax_backward modified grad_y in place: grad_y must hold its values after the call")
    same(expected["grad_x"], got["grad_x"], "grad_x")


@test(check=_unchanged)
def inputs_not_modified(fn):
    y, grad_y = inputs(9, (4, 6))
    y_before, grad_before = y.clone(), grad_y.clone()
    out = grad(fn, y, grad_y)
    return {
        "grad_x": out,
        "y unchanged": bool(torch.equal(y, y_before)),
        "grad_y unchanged": bool(torch.equal(grad_y, grad_before)),
    }


@test
def no_jacobian_on_wide_rows(fn):
    # 16 rows of 8192: one (8192, 8192) float32 Jacobian per row would need 4 GB (limit 1 GB).
    y, grad_y = inputs(10, (16, 8192))
    return {"grad_x": grad(fn, y, grad_y)}
