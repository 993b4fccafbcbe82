"""Hidden tests for dropout."""

import torch

from mlkata.judge.api import Rand, backward, raises, require, tensor, test


def gen(seed):
    return torch.Generator().manual_seed(seed)


def run(m, x, seed=None, what="out"):
    out = m(x) if seed is None else m(x, generator=gen(seed))
    return tensor(out, what)


@test
def eval_mode_is_identity(cls):
    m = cls(0.5)
    m.eval()
    x = Rand(1).randn(3, 4, 5)
    return {"out (eval mode)": run(m, x, seed=10)}


def _scaled(expected, got):
    x, out, p = got["x"], got["out"], got["p"]
    require(isinstance(out, torch.Tensor) and out.shape == x.shape, f"out: expected shape {tuple(x.shape)}")
    kept = out != 0
    if bool(kept.any()):
        want = x[kept] / (1 - p)
        err = (out[kept] - want).abs()
        bad = err > 1e-6 + 1e-5 * want.abs()
        if bool(bad.any()):
            i = int(bad.nonzero()[0])
            require(
                False,
                f"a kept element is {out[kept][i].item():.6g} where x is {x[kept][i].item():.6g}: kept elements "
                f"must be x / (1 - p) = {want[i].item():.6g} with p = {p} ({int(bad.sum())} of {int(kept.sum())} kept elements are off)",
            )
    require(bool((~kept).any()), f"no element was dropped in training mode with p = {p}")


@test(check=_scaled)
def kept_values_scaled_by_inverse_keep_prob(cls):
    # Every output element is 0 or x / (1 - p); x has no zeros.
    m = cls(0.25)
    x = Rand(2).randn(40, 50) + 3.0
    out = run(m, x.clone(), seed=20)
    return {"x": x, "out": out, "p": 0.25}


def _rate(expected, got):
    for p in (0.3, 0.8):
        frac = got[f"fraction of zeros (p={p})"]
        require(
            abs(frac - p) <= 0.01,
            f"with p = {p} a fraction {frac:.4f} of the 100000 elements was dropped; expected {p} +- 0.01 "
            "(p is the probability of dropping, not of keeping)",
        )


@test(check=_rate)
def drop_rate_matches_p(cls):
    result = {}
    for p, seed in ((0.3, 30), (0.8, 31)):
        out = run(cls(p), torch.ones(200, 500), seed=seed)
        result[f"fraction of zeros (p={p})"] = float((out == 0).float().mean())
    return result


@test
def p_zero_and_p_one_edge_cases(cls):
    x = Rand(4).randn(3, 5)
    out0 = run(cls(0.0), x.clone(), seed=40).clone()
    out1 = run(cls(1.0), x.clone(), seed=41)
    return {"out (p=0)": out0, "out (p=1)": out1}


def _reproducible(expected, got):
    require(got["same seed, same output"], "two calls with generators seeded alike gave different outputs: draw the mask from the generator argument")
    require(got["different seed, different output"], "generators with different seeds gave the same output")
    require(got["global RNG untouched"], "the call consumed the global RNG although a generator was given")


@test(check=_reproducible)
def generator_makes_it_reproducible(cls):
    m = cls(0.5)
    x = Rand(5).randn(8, 16)
    state = torch.get_rng_state()
    a = run(m, x.clone(), seed=50)
    b = run(m, x.clone(), seed=50)
    c = run(m, x.clone(), seed=51)
    untouched = bool(torch.equal(state, torch.get_rng_state()))
    return {
        "same seed, same output": bool(torch.equal(a, b)),
        "different seed, different output": not bool(torch.equal(a, c)),
        "global RNG untouched": untouched,
    }


@test
def input_not_modified(cls):
    x = Rand(6).randn(4, 6)
    before = x.clone()
    run(cls(0.5), x, seed=60)
    return {"x after the call is unchanged": bool(torch.equal(x, before))}


def _grad(expected, got):
    x, out, grad, p = got["x"], got["out"], got["x.grad"], got["p"]
    require(isinstance(grad, torch.Tensor) and grad.shape == x.shape, "x.grad is missing or has the wrong shape")
    kept = out != 0
    want = kept.float() / (1 - p)
    err = (grad - want).abs()
    bad = err > 1e-6 + 1e-5 * want
    if bool(bad.any()):
        idx = tuple(int(i) for i in bad.nonzero()[0])
        require(
            False,
            f"x.grad{list(idx)} = {grad[idx].item():.6g} but that element was {'kept' if kept[idx] else 'dropped'}: "
            f"the gradient must be 1 / (1 - p) = {1 / (1 - p):.6g} where kept and 0 where dropped",
        )


@test(check=_grad)
def gradient_is_mask_over_keep_prob(cls):
    m = cls(0.4)
    x = (Rand(7).randn(5, 8) + 3.0).requires_grad_(True)
    out = run(m, x, seed=70)
    out.sum().backward() if out.requires_grad else backward(out, seed=71)
    return {"x": x.detach(), "out": out.detach(), "x.grad": x.grad, "p": 0.4}


@test
def invalid_p_raises_value_error(cls):
    cls(0.0)
    cls(1.0)
    return {f"Dropout(p={p})": raises(ValueError, cls, p) for p in (-0.1, 1.5)}


def _drops_again(expected, got):
    require(
        got["zeros after .eval() then .train()"] > 0,
        "after .eval() and then .train() nothing was dropped: switching back to .train() must turn dropout on again "
        "(read self.training in forward)",
    )


@test(check=_drops_again)
def train_after_eval_drops_again(cls):
    m = cls(0.5)
    x = Rand(8).randn(6, 10) + 3.0
    m.eval()
    run(m, x.clone(), seed=80)
    m.train()
    out = run(m, x.clone(), seed=81)
    return {"zeros after .eval() then .train()": int((out == 0).sum())}


def _keeps_dtype(expected, got):
    for key, value in got.items():
        require(
            isinstance(value, torch.Tensor) and value.dtype == torch.float64,
            f"{key} is {str(getattr(value, 'dtype', type(value).__name__)).replace('torch.', '')} for a float64 x: "
            "the output keeps the input dtype",
        )


@test(check=_keeps_dtype)
def output_keeps_float64_dtype(cls):
    x = Rand(9).randn(4, 6).double()
    return {f"out (p={p}{', eval' if mode == 'eval' else ''})": run(getattr(cls(p), mode)(), x.clone(), seed=90)
            for p, mode in ((0.5, "train"), (1.0, "train"), (0.0, "train"), (0.5, "eval"))}


def _global_rng(expected, got):
    require(got["same global seed, same output"], "two calls after torch.manual_seed(100) gave different outputs: without a generator, draw from the global RNG")
    require(
        got["next call differs"],
        "two calls without a generator gave the same mask although the global RNG moved on: without a generator, "
        "use the global RNG (not a fresh torch.Generator(), whose seed is always the same)",
    )


@test(check=_global_rng)
def without_generator_uses_global_rng(cls):
    m = cls(0.5)
    x = Rand(10).randn(8, 16) + 3.0
    torch.manual_seed(100)
    a = run(m, x.clone())
    b = run(m, x.clone())
    torch.manual_seed(100)
    c = run(m, x.clone())
    return {"same global seed, same output": bool(torch.equal(a, c)), "next call differs": not bool(torch.equal(a, b))}


def _no_parameters(expected, got):
    names = got["parameters of Dropout(0.3)"]
    require(not names, f"Dropout(0.3) has the parameters {names}: dropout has no parameters (store p as a plain float)")


@test(check=_no_parameters)
def module_has_no_parameters(cls):
    return {"parameters of Dropout(0.3)": [name for name, _ in cls(0.3).named_parameters()]}


def _default_rate(expected, got):
    frac = got["fraction of zeros (Dropout())"]
    require(abs(frac - 0.5) <= 0.01, f"Dropout() dropped a fraction {frac:.4f} of the 100000 elements: p defaults to 0.5")


@test(check=_default_rate)
def p_defaults_to_half(cls):
    out = run(cls(), torch.ones(200, 500), seed=110)
    return {"fraction of zeros (Dropout())": float((out == 0).float().mean())}


@test
def p_one_output_stays_in_the_graph(cls):
    # Like torch.nn.Dropout (which returns x * 0 at p = 1): all zeros, but still part of x's graph,
    # so the output requires grad and x receives a zero gradient (not nan, not None).
    x = Rand(12).randn(3, 5).requires_grad_(True)
    out = run(cls(1.0), x, seed=120, what="out (p=1)")
    backward(out, seed=121, what="out (p=1) for an x that requires grad")
    return {"out (p=1)": out.detach(), "x.grad (p=1)": x.grad}
