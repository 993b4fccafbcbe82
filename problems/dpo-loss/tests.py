"""Hidden tests for dpo-loss."""

import math

import torch

from mlkata.judge.api import Rand, backward, require, same, tensor, test

CALL = "dpo_loss(policy_chosen_logps, policy_rejected_logps, reference_chosen_logps, reference_rejected_logps)"
NAMES = ("policy_chosen_logps", "policy_rejected_logps", "reference_chosen_logps", "reference_rejected_logps")


def logps(seed, b=8):
    """Four (B,) tensors of sequence log-probs around -10 to -15: beta * margin is O(1)."""
    r = Rand(seed)
    return tuple(r.rand(b, low=-15.0, high=-10.0) for _ in range(4))


def extreme(seed, target, b=6):
    """Inputs whose margin (pc - rc) - (pr - rr) is target + noise, i.e. beta * margin = +-1000 at beta 0.1."""
    r = Rand(seed)
    pc, pr, rr = (r.rand(b, low=-25.0, high=-15.0) for _ in range(3))
    margin = target + r.randn(b, scale=5.0)
    rc = pc - (pr - rr) - margin
    return pc, pr, rc, rr


def dpo(fn, args, **kwargs):
    return tensor(fn(*args, **kwargs), "the loss")


@test
def loss_matches_reference(dpo_loss):
    # Default beta = 0.1.
    return {"loss": dpo(dpo_loss, logps(1))}


@test
def beta_scales_the_margin(dpo_loss):
    args = logps(2, b=5)
    return {
        "loss (beta=0.5)": dpo(dpo_loss, args, beta=0.5),
        "loss (beta=2.0)": dpo(dpo_loss, args, beta=2.0),
    }


def _batch_mean(expected, got):
    a, b = got["loss"], got["loss (batch repeated 3 times)"]
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor) and a.shape == b.shape == ():
        require(
            abs(a.item() - b.item()) <= 1e-5 + 1e-4 * abs(a.item()),
            f"repeating the batch 3 times changed the loss from {a.item():.6g} to {b.item():.6g}: "
            "the loss must be the mean over the batch",
        )
    same(expected, got)


@test(check=_batch_mean)
def loss_is_batch_mean(dpo_loss):
    args = logps(3, b=4)
    repeated = tuple(x.repeat(3) for x in args)
    return {"loss": dpo(dpo_loss, args), "loss (batch repeated 3 times)": dpo(dpo_loss, repeated)}


@test
def gradients_wrt_policy_logps(dpo_loss):
    pc, pr, rc, rr = logps(4, b=6)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    loss = dpo(dpo_loss, (pc, pr, rc, rr), beta=0.3)
    backward(loss, seed=41, what="the loss")
    return {"policy_chosen_logps.grad": pc.grad, "policy_rejected_logps.grad": pr.grad}


def _no_reference_grad(expected, got):
    for name in ("reference_chosen_logps", "reference_rejected_logps"):
        g = got[f"{name}.grad"]
        require(
            g is None,
            f"{name}.grad is not None after backward: a gradient flowed into the reference "
            "log-probs, which must be treated as constants",
        )
    same(expected, got)


@test(check=_no_reference_grad)
def reference_logps_get_no_gradient(dpo_loss):
    args = logps(5, b=5)
    for x in args:
        x.requires_grad_(True)
    loss = dpo(dpo_loss, args)
    backward(loss, seed=51, what="the loss")
    return {f"{name}.grad": x.grad for name, x in zip(NAMES, args)}


def _finite(expected, got):
    for key, value in got.items():
        if isinstance(value, torch.Tensor) and value.is_floating_point():
            bad = ~torch.isfinite(value)
            if bool(bad.any()):
                shown = value.reshape(-1)[bad.reshape(-1)][0].item()
                require(False, f"{key} is not finite ({shown}) when beta * margin is about {got['beta * margin']}")
    same(expected, got)


def _extreme(dpo_loss, seed, target):
    pc, pr, rc, rr = extreme(seed, target)
    pc.requires_grad_(True)
    pr.requires_grad_(True)
    loss = dpo(dpo_loss, (pc, pr, rc, rr))
    backward(loss, seed=seed + 1, what="the loss")
    return {
        "beta * margin": int(math.copysign(1000, target)),
        "loss": loss.detach(),
        "policy_chosen_logps.grad": pc.grad,
        "policy_rejected_logps.grad": pr.grad,
    }


@test(check=_finite)
def extreme_positive_margin_is_finite(dpo_loss):
    # beta * margin = +1000 (+- 0.5): the loss is about 0 and the gradients about 0.
    return _extreme(dpo_loss, 60, 10000.0)


@test(check=_finite)
def extreme_negative_margin_is_finite(dpo_loss):
    # beta * margin = -1000 (+- 0.5): the loss is about 1000, the gradients -+ beta / B.
    return _extreme(dpo_loss, 70, -10000.0)


@test
def single_pair_batch(dpo_loss):
    # B = 1, the smallest batch: still a 0-dim loss.
    return {"loss": dpo(dpo_loss, logps(80, b=1), beta=0.5)}


@test
def loss_keeps_float64_dtype(dpo_loss):
    # The result keeps the input dtype: float64 log-probs give a float64 loss.
    return {"loss": dpo(dpo_loss, tuple(x.double() for x in logps(90, b=5)))}
