"""Hidden tests for prefix-tuning."""

import torch

from mlkata.judge.api import Rand, WrongAnswer, backward, close, same, set_param, tensor, test

PROJ = ("q_proj", "k_proj", "v_proj", "out_proj")


def build(cls, d_model, num_heads, prefix_len, seed):
    """The layer with the frozen projections and the prefix set from Rand(seed)."""
    m = cls(d_model, num_heads, prefix_len)
    r = Rand(seed)
    for name in PROJ:
        set_param(m, f"{name}.weight", r.randn(d_model, d_model, scale=d_model ** -0.5))
        set_param(m, f"{name}.bias", r.randn(d_model, scale=0.3))
    head_dim = d_model // num_heads
    set_param(m, "prefix_keys", r.randn(num_heads, prefix_len, head_dim))
    set_param(m, "prefix_values", r.randn(num_heads, prefix_len, head_dim))
    return m


def run(m, x, causal):
    return tensor(m(x, causal=causal), "the output of forward")


@test
def prefix_is_the_only_trainable_part(cls):
    m = cls(12, 3, 2)
    params = dict(m.named_parameters())
    for name in ("prefix_keys", "prefix_values"):
        if name not in params:
            raise WrongAnswer(f"the module has no parameter {name!r}")
    return {
        "trainable parameters": sorted(n for n, p in params.items() if p.requires_grad),
        "prefix_keys.shape": tuple(params["prefix_keys"].shape),
        "prefix_values.shape": tuple(params["prefix_values"].shape),
        "frozen projection parameters": sorted(
            n for n, p in params.items() if n.split(".")[0] in PROJ and not p.requires_grad
        ),
    }


@test
def single_head_without_causal_mask(cls):
    # One head, causal=False: projections, prefix concatenation, scale, softmax, out_proj.
    m = build(cls, 8, 1, 2, seed=10)
    x = Rand(11).randn(2, 4, 8)
    return {"out": run(m, x, causal=False)}


@test
def prefix_is_per_head(cls):
    # 3 heads of d_head 4, prefix_len 2: prefix_keys[h] belongs to head h.
    m = build(cls, 12, 3, 2, seed=20)
    x = Rand(21).randn(2, 5, 12)
    return {"out": run(m, x, causal=False)}


@test
def causal_mask_spares_the_prefix(cls):
    # prefix_len 3 > 1 and L = 4: token i sees the 3 prefix slots and tokens 0..i.
    m = build(cls, 8, 2, 3, seed=30)
    x = Rand(31).randn(2, 4, 8)
    return {"out": run(m, x, causal=True)}


def _no_future(expected, got):
    same(expected["out"], got["out"], "out")
    close(got["out[:, :3] with tokens 3.. changed"], got["out"][:, :3], "out[:, :3] after changing tokens 3..5")


@test(check=_no_future)
def future_tokens_do_not_leak(cls):
    m = build(cls, 12, 3, 2, seed=40)
    x = Rand(41).randn(2, 6, 12)
    out = run(m, x, causal=True)
    x2 = x.clone()
    x2[:, 3:] = Rand(42).randn(2, 3, 12)
    out2 = run(m, x2, causal=True)
    return {"out": out, "out[:, :3] with tokens 3.. changed": out2[:, :3]}


@test
def gradients_reach_prefix_not_projections(cls):
    m = build(cls, 12, 3, 2, seed=50)
    x = Rand(51).randn(2, 4, 12).requires_grad_(True)
    out = run(m, x, causal=True)
    backward(out, seed=52, what="the output")
    grads = {
        "prefix_keys.grad": m.get_parameter("prefix_keys").grad,
        "prefix_values.grad": m.get_parameter("prefix_values").grad,
        "x.grad": x.grad,
    }
    grads["projections with a gradient"] = sorted(
        n for n, p in m.named_parameters() if n.split(".")[0] in PROJ and p.grad is not None
    )
    return grads


@test
def causal_is_the_default(cls):
    # forward(x) without the causal argument is causal.
    m = build(cls, 12, 3, 2, seed=60)
    x = Rand(61).randn(2, 5, 12)
    return {"out of forward(x)": tensor(m(x), "the output of forward(x)")}
