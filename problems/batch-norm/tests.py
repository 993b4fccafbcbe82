"""Hidden tests for batch-norm."""

import torch

from mlkata.judge.api import Fail, Rand, WrongAnswer, backward, same, set_param, tensor, test


def buffer(module, name):
    buffers = dict(module.named_buffers())
    if name not in buffers:
        raise WrongAnswer(f"BatchNorm1d has no buffer {name!r}: create it with self.register_buffer({name!r}, ...)")
    return buffers[name]


def param(module, name):
    params = dict(module.named_parameters())
    if name not in params:
        raise WrongAnswer(f"BatchNorm1d has no parameter {name!r}: register it as an nn.Parameter named {name!r}")
    return params[name]


def build(cls, c, seed, **kwargs):
    """BatchNorm1d(c) with weight and bias set from Rand(seed)."""
    bn = cls(c, **kwargs)
    r = Rand(seed)
    set_param(bn, "weight", 1.0 + r.randn(c, scale=0.5))
    set_param(bn, "bias", r.randn(c, scale=0.5))
    return bn


def batch(seed, *shape):
    # Per-channel offsets and scales so that statistics over the wrong axis show.
    c = shape[1]
    x = Rand(seed).randn(*shape)
    view = [1, c] + [1] * (len(shape) - 2)
    return x * torch.linspace(0.5, 2.0, c).view(view) + torch.linspace(-2.0, 3.0, c).view(view)


def run(bn, x):
    return tensor(bn(x), "out")


def stats(bn):
    return {"running_mean": buffer(bn, "running_mean").detach().clone(), "running_var": buffer(bn, "running_var").detach().clone()}


@test
def parameters_and_buffers_initialised(cls):
    bn = cls(4)
    return {
        "weight": param(bn, "weight"),
        "bias": param(bn, "bias"),
        "running_mean": buffer(bn, "running_mean"),
        "running_var": buffer(bn, "running_var"),
        "parameter names": sorted(n for n, _ in bn.named_parameters()),
    }


@test
def train_output_2d(cls):
    bn = build(cls, 5, seed=10)
    return {"out": run(bn, batch(1, 8, 5))}


@test
def train_output_3d_stats_over_batch_and_length(cls):
    # (N, C, L) = (4, 3, 6): statistics over N and L together, 24 values per channel.
    bn = build(cls, 3, seed=20)
    return {"out": run(bn, batch(2, 4, 3, 6))}


@test
def custom_eps_inside_the_square_root(cls):
    # eps = 0.5 against batch variances of 0.1 to 1.6: eps outside the root, or the default
    # 1e-5 instead of the argument, moves every output by far more than the tolerance.
    bn = build(cls, 4, seed=15, eps=0.5)
    x = Rand(16).randn(6, 4) * torch.tensor([0.3, 0.6, 0.9, 1.2]) + 1.0
    return {"out": run(bn, x)}


@test
def running_stats_after_one_step(cls):
    # Default momentum 0.1; running_var uses the unbiased batch variance (n = 6).
    bn = build(cls, 4, seed=30)
    run(bn, batch(3, 6, 4))
    return stats(bn)


@test
def running_stats_after_several_steps_custom_momentum(cls):
    bn = build(cls, 3, seed=40, momentum=0.3)
    for i in range(3):
        run(bn, batch(40 + i, 5, 3, 4))
    return stats(bn)


@test
def smallest_batch_of_two_values_per_channel(cls):
    # N * L = 2 (the smallest the statement allows), with N = 1: the unbiased variance divides by 1.
    bn = build(cls, 3, seed=17)
    out = run(bn, batch(18, 1, 3, 2))
    return {"out": out, **stats(bn)}


@test
def eval_uses_running_stats_and_freezes_them(cls):
    bn = build(cls, 3, seed=50)
    with torch.no_grad():
        buffer(bn, "running_mean").copy_(torch.tensor([0.5, -1.0, 2.0]))
        buffer(bn, "running_var").copy_(torch.tensor([0.25, 4.0, 1.5]))
    bn.eval()
    out = run(bn, batch(5, 4, 3, 2))
    return {"out (eval mode)": out, **{f"{k} after the eval call": v for k, v in stats(bn).items()}}


@test
def train_eval_train_cycle(cls):
    # Two training steps, an eval pass, back to training for one more step.
    bn = build(cls, 4, seed=60, momentum=0.2)
    run(bn, batch(60, 6, 4))
    run(bn, batch(61, 6, 4))
    bn.eval()
    out_eval = run(bn, batch(62, 3, 4))
    bn.train()
    out_train = run(bn, batch(63, 6, 4))
    return {"out (eval)": out_eval, "out (train again)": out_train, **stats(bn)}


@test
def gradients_flow_through_batch_statistics(cls):
    bn = build(cls, 3, seed=70)
    x = batch(7, 5, 3, 2).requires_grad_(True)
    out = run(bn, x)
    backward(out, seed=71, what="out")
    return {"x.grad": x.grad, "weight.grad": param(bn, "weight").grad, "bias.grad": param(bn, "bias").grad}


def _no_grad_buffers(expected, got):
    for name in ("running_mean", "running_var"):
        if got[f"{name}.requires_grad"] or got[f"{name} has a grad_fn"]:
            raise Fail(
                f"{name} requires grad after a training step on an x that requires grad: "
                "the running statistics must be updated without tracking gradients "
                "(under torch.no_grad(), or from detached batch statistics)"
            )
    same(expected, got)


@test(check=_no_grad_buffers)
def running_buffers_never_require_grad(cls):
    bn = build(cls, 3, seed=80)
    x = batch(8, 5, 3).requires_grad_(True)
    run(bn, x)
    run(bn, batch(9, 5, 3).requires_grad_(True))
    result = {}
    for _name in ("running_mean", "running_var"):
        _b = buffer(bn, _name)
        result[f"{_name}.requires_grad"] = bool(_b.requires_grad)
        result[f"{_name} has a grad_fn"] = _b.grad_fn is not None
    return result
