"""Hidden tests for logistic-regression-gradient."""

import torch

from mlkata.judge.api import Rand, require, same, tensor, test, unpack

CALL = "logistic_loss_and_grad(X, y, w, b, l2)"


def problem(seed, n=7, d=3, w_scale=0.5, soft=False):
    r = Rand(seed)
    X = r.randn(n, d)
    y = r.rand(n) if soft else (r.rand(n) < 0.5).float()
    w = r.randn(d, scale=w_scale)
    b = r.randn(1, scale=0.3)[0]
    return X, y, w, b


def run(fn, X, y, w, b, l2=None):
    out = fn(X, y, w, b) if l2 is None else fn(X, y, w, b, l2)
    loss, gw, gb = unpack(out, 3, CALL)
    return {
        "loss": tensor(loss, "loss").detach(),
        "grad_w": tensor(gw, "grad_w").detach(),
        "grad_b": tensor(gb, "grad_b").detach(),
    }


@test
def loss_matches_autograd(fn):
    X, y, w, b = problem(1)
    return {"loss": run(fn, X, y, w, b)["loss"]}


@test
def grad_w_matches_autograd(fn):
    # n = 7, d = 3: a transposed product or a missing 1/n shows.
    X, y, w, b = problem(2)
    return {"grad_w": run(fn, X, y, w, b)["grad_w"]}


@test
def grad_b_matches_autograd(fn):
    X, y, w, b = problem(3, n=5, d=4)
    return {"grad_b": run(fn, X, y, w, b)["grad_b"]}


@test
def l2_penalises_weights_only(fn):
    X, y, w, b = problem(4, n=6, d=2)
    return run(fn, X, y, w, b, 0.7)


@test
def soft_labels(fn):
    X, y, w, b = problem(5, n=8, d=3, soft=True)
    return run(fn, X, y, w, b, 0.1)


def _finite_and_right(expected, got):
    for key in ("loss", "grad_w", "grad_b"):
        require(bool(torch.isfinite(got[key]).all()), f"{key} is not finite for logits of +-100 and more: compute -log sigmoid(z) as softplus(-z)")
    for key in ("loss", "grad_w", "grad_b"):
        same(expected[key], got[key], key)


@test(check=_finite_and_right)
def stable_for_large_logits(fn):
    # Logits of about +-100 to +-250, both labels on both signs: -log sigmoid(z) must not overflow.
    X = torch.tensor([[10.0, 0.0], [-10.0, 0.0], [0.0, 25.0], [0.0, -25.0]])
    y = torch.tensor([0.0, 1.0, 1.0, 0.0])
    w = torch.tensor([10.0, 10.0])
    b = torch.tensor(0.0)
    return run(fn, X, y, w, b, 0.01)


@test
def single_example_single_feature(fn):
    X, y, w, b = problem(6, n=1, d=1)
    return run(fn, X, y, w, b, 0.2)


def _dtype(expected, got):
    require(got["dtypes"] == ["torch.float64"] * 3, f"float64 inputs gave (loss, grad_w, grad_b) dtypes {got['dtypes']}: keep the inputs' dtype")
    for key in ("loss", "grad_w", "grad_b"):
        same(expected[key], got[key], key)


@test(check=_dtype)
def keeps_float64(fn):
    X, y, w, b = (t.double() for t in problem(7, n=4, d=3))
    out = run(fn, X, y, w, b, 0.3)
    out["dtypes"] = [str(out[k].dtype) for k in ("loss", "grad_w", "grad_b")]
    return out


def _shapes(expected, got):
    require(got["shapes"] == expected["shapes"], f"shapes (loss, grad_w, grad_b) are {got['shapes']}, expected {expected['shapes']}: loss and grad_b are 0-dimensional, grad_w is (d,)")
    for key in ("loss", "grad_w", "grad_b"):
        same(expected[key], got[key], key)


@test(check=_shapes)
def output_shapes(fn):
    X, y, w, b = problem(8, n=9, d=5)
    out = run(fn, X, y, w, b, 0.05)
    out["shapes"] = [list(out[k].shape) for k in ("loss", "grad_w", "grad_b")]
    return out


def _unchanged(expected, got):
    require(got["inputs unchanged"], "logistic_loss_and_grad modified one of X, y, w, b in place")
    for key in ("loss", "grad_w", "grad_b"):
        same(expected[key], got[key], key)


@test(check=_unchanged)
def inputs_not_modified(fn):
    X, y, w, b = problem(9, n=6, d=4)
    before = [t.clone() for t in (X, y, w, b)]
    out = run(fn, X, y, w, b, 0.5)
    out["inputs unchanged"] = all(torch.equal(t, u) for t, u in zip((X, y, w, b), before))
    return out
