"""Hidden tests for lora-linear."""

import torch
import torch.nn as nn

from mlkata.judge.api import Rand, WrongAnswer, backward, raises, require, set_param, test, tensor

IN, OUT = 6, 4  # in_features != out_features so transposes cannot go unnoticed


def make_base(seed, bias=True, d_in=IN, d_out=OUT):
    """An nn.Linear with seeded weights (set before wrapping, independent of the global RNG)."""
    r = Rand(seed)
    base = nn.Linear(d_in, d_out, bias=bias)
    set_param(base, "weight", r.randn(d_out, d_in, scale=0.5))
    if bias:
        set_param(base, "bias", r.randn(d_out, scale=0.5))
    return base


def lora_param(module, name):
    params = dict(module.named_parameters())
    if name not in params:
        raise WrongAnswer(f"LoRALinear has no parameter {name!r}: register it as an nn.Parameter named {name!r}")
    return params[name]


def set_lora(module, seed, r, d_in=IN, d_out=OUT):
    g = Rand(seed)
    set_param(module, "lora_A", g.randn(r, d_in, scale=0.5))
    set_param(module, "lora_B", g.randn(d_out, r, scale=0.5))


def run(module, x, what="out"):
    return tensor(module(x), what)


def merged_layer(module):
    merged = module.merge()
    if not isinstance(merged, nn.Linear):
        raise WrongAnswer(f"merge() should return an nn.Linear, got {type(merged).__name__}")
    return merged


@test
def lora_parameters_initialised(cls):
    m = cls(make_base(1), 3, 6.0)
    a, b = lora_param(m, "lora_A"), lora_param(m, "lora_B")
    return {
        "lora_A.shape": tuple(a.shape),
        "lora_B.shape": tuple(b.shape),
        "lora_A is not all zeros": bool(a.detach().abs().sum() > 0),
        "lora_B": b,
        "lora_A.requires_grad": a.requires_grad,
        "lora_B.requires_grad": b.requires_grad,
    }


@test
def base_is_same_object_and_frozen(cls):
    base = make_base(2)
    m = cls(base, 2, 4.0)
    return {
        "self.base is base": getattr(m, "base", None) is base,
        "base.weight.requires_grad": base.weight.requires_grad,
        "base.bias.requires_grad": base.bias.requires_grad,
        "trainable parameters": sorted(n for n, p in m.named_parameters() if p.requires_grad),
    }


@test
def output_at_init_equals_base(cls):
    base = make_base(3)
    m = cls(base, 2, 8.0)
    x = Rand(30).randn(2, 3, IN)
    return {"out": run(m, x)}


@test
def forward_with_set_A_and_B(cls):
    # alpha == r: scaling 1, so this checks the low-rank product on its own.
    m = cls(make_base(4), 3, 3.0)
    set_lora(m, 40, 3)
    x = Rand(41).randn(2, 5, IN)
    return {"out": run(m, x)}


@test
def scaling_is_alpha_over_r(cls):
    # alpha = 2, r = 4: scaling 0.5 (alpha alone would be 2, 1/r would be 0.25).
    m = cls(make_base(5), 4, 2.0)
    set_lora(m, 50, 4)
    x = Rand(51).randn(3, IN)
    return {"out": run(m, x)}


@test
def gradients_reach_lora_not_base(cls):
    base = make_base(6)
    m = cls(base, 2, 5.0)
    set_lora(m, 60, 2)
    x = Rand(61).randn(2, 3, IN).requires_grad_(True)
    out = run(m, x)
    backward(out, seed=62, what="out")
    return {
        "lora_A.grad": lora_param(m, "lora_A").grad,
        "lora_B.grad": lora_param(m, "lora_B").grad,
        "x.grad": x.grad,
        "base.weight.grad is None": base.weight.grad is None,
        "base.bias.grad is None": base.bias.grad is None,
    }


@test
def merge_matches_forward(cls):
    m = cls(make_base(7), 2, 6.0)
    set_lora(m, 70, 2)
    x = Rand(71).randn(2, 3, IN)
    expected = run(m, x, "self(x)")
    merged = merged_layer(m)
    return {
        "self(x)": expected,
        "merged(x)": tensor(merged(x), "merged(x)"),
        "merged.weight": merged.weight,
        "merged.bias": merged.bias,
    }


@test
def merge_leaves_self_unchanged_and_unshared(cls):
    base = make_base(8)
    m = cls(base, 3, 1.5)
    set_lora(m, 80, 3)
    x = Rand(81).randn(4, IN)
    before = run(m, x, "self(x) before merge").detach().clone()
    w, b = base.weight.detach().clone(), base.bias.detach().clone()
    merged = merged_layer(m)
    own = {p.data_ptr() for p in m.parameters()}
    return {
        "self(x) before merge": before,
        "self(x) after merge": run(m, x, "self(x) after merge"),
        "base.weight unchanged": bool(torch.equal(base.weight.detach(), w)),
        "base.bias unchanged": bool(torch.equal(base.bias.detach(), b)),
        "base.weight.requires_grad after merge": base.weight.requires_grad,
        "merged.weight shares storage with self": merged.weight.data_ptr() in own,
        "merged.bias shares storage with self": merged.bias is not None and merged.bias.data_ptr() in own,
        "merged.weight.requires_grad": merged.weight.requires_grad,
        "merged.bias.requires_grad": merged.bias is not None and merged.bias.requires_grad,
    }


@test
def base_without_bias(cls):
    base = make_base(10, bias=False)
    m = cls(base, 2, 4.0)
    set_lora(m, 100, 2)
    x = Rand(101).randn(3, 2, IN)
    merged = merged_layer(m)
    return {
        "out": run(m, x),
        "merged(x)": tensor(merged(x), "merged(x)"),
        "merged.bias is None": merged.bias is None,
    }


@test
def rejects_non_positive_rank(cls):
    cls(make_base(13), 1, 1.0)  # r = 1 is valid and must construct
    return {
        "LoRALinear(base, r=0, alpha=1)": raises(ValueError, cls, make_base(11), 0, 1.0),
        "LoRALinear(base, r=-2, alpha=1)": raises(ValueError, cls, make_base(12), -2, 1.0),
    }


def _global_rng(expected, got):
    require(got["lora_A finite"], "lora_A holds NaN or inf right after construction: initialise it (torch.empty is uninitialised memory)")
    require(got["same seed, same lora_A"], "two layers built after the same torch.manual_seed got different lora_A: draw it from the global RNG")
    require(got["other seed, other lora_A"], "layers built after different torch.manual_seed calls got the same lora_A: draw it from the global RNG")


@test(check=_global_rng)
def lora_A_drawn_from_global_rng(cls):
    firsts = []
    for seed in (0, 0, 1):
        torch.manual_seed(seed)
        firsts.append(lora_param(cls(make_base(14), 2, 4.0), "lora_A").detach().clone())
    return {
        "lora_A finite": bool(torch.isfinite(firsts[0]).all()),
        "same seed, same lora_A": bool(torch.equal(firsts[0], firsts[1])),
        "other seed, other lora_A": not bool(torch.equal(firsts[0], firsts[2])),
    }
