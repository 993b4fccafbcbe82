"""Hidden tests for ppo-clip-loss."""

import torch

from mlkata.judge.api import Rand, backward, require, same, tensor, test


def batch(seed, shape=(12,), spread=0.4):
    """logp_old around -1, log ratios of std `spread` (many outside [0.8, 1.2]), advantages of both signs.

    logp_new requires grad, as the statement promises (it comes from the policy being trained).
    """
    r = Rand(seed)
    logp_old = r.randn(*shape, scale=0.5) - 1.0
    logp_new = (logp_old + r.randn(*shape, scale=spread)).requires_grad_(True)
    advantages = r.randn(*shape)
    return logp_new, logp_old, advantages


def ppo(fn, *args, **kwargs):
    return tensor(fn(*args, **kwargs), "the loss")


@test
def loss_matches_reference(ppo_clip_loss):
    return {"loss": ppo(ppo_clip_loss, *batch(1, shape=(64,)))}


@test
def clip_eps_matters(ppo_clip_loss):
    args = batch(2, shape=(10,))
    return {
        "loss (clip_eps=0.1)": ppo(ppo_clip_loss, *args, clip_eps=0.1),
        "loss (clip_eps=0.3)": ppo(ppo_clip_loss, *args, clip_eps=0.3),
    }


@test
def equal_policies_give_minus_mean_advantage(ppo_clip_loss):
    # At the first step on fresh data logp_new == logp_old: ratio 1, loss = -mean(A).
    r = Rand(3)
    logp_old = r.randn(7, scale=0.5) - 1.0
    advantages = r.randn(7)
    return {"loss": ppo(ppo_clip_loss, logp_old.clone().requires_grad_(True), logp_old, advantages)}


@test
def mean_over_all_elements_2d(ppo_clip_loss):
    # (batch, timesteps): the mean is over every element, not per row.
    return {"loss": ppo(ppo_clip_loss, *batch(4, shape=(3, 5)))}


@test
def gradient_wrt_logp_new(ppo_clip_loss):
    logp_new, logp_old, advantages = batch(5, shape=(10,))
    logp_new.requires_grad_(True)
    loss = ppo(ppo_clip_loss, logp_new, logp_old, advantages)
    backward(loss, seed=51, what="the loss")
    return {"logp_new.grad": logp_new.grad}


def _zero_where_clipped(expected, got):
    grad, clipped = got["logp_new.grad"], got["clipped"]
    if isinstance(grad, torch.Tensor) and grad.shape == clipped.shape:
        leak = clipped & (grad != 0)
        if bool(leak.any()):
            i = int(leak.nonzero()[0][0])
            require(
                False,
                f"logp_new.grad[{i}] = {grad[i].item():.6g}, but sample {i} has ratio "
                f"{got['ratio'][i].item():.4g} and advantage {got['advantages'][i].item():.4g}: "
                "its clipped term is the smaller one, so its gradient must be exactly 0 "
                f"({int(leak.sum())} such samples have a non-zero gradient)",
            )
        missing = ~clipped & (grad == 0)
        if bool(missing.any()):
            i = int(missing.nonzero()[0][0])
            require(
                False,
                f"logp_new.grad[{i}] = 0, but sample {i} (ratio {got['ratio'][i].item():.4g}, "
                f"advantage {got['advantages'][i].item():.4g}) is not clipped: its gradient must be non-zero",
            )
    same(expected, got)


@test(check=_zero_where_clipped)
def zero_gradient_where_clipped(ppo_clip_loss):
    # Three samples in each case (clip_eps = 0.2):
    #   A > 0, ratio > 1.2 and A < 0, ratio < 0.8: clipped term is the min -> zero gradient;
    #   A > 0, ratio < 0.8 and A < 0, ratio > 1.2: unclipped term is the min -> gradient;
    #   ratio inside [0.8, 1.2], either sign -> gradient.
    r = Rand(6)
    big = r.rand(6, low=0.3, high=0.6)            # |log ratio| well outside log(1.2) and -log(0.8)
    small = r.rand(3, low=-0.1, high=0.1)
    log_ratio = torch.cat([big[:3], -big[3:], -big[:3], big[3:], small])
    sign = torch.tensor([1.0] * 3 + [-1.0] * 3 + [1.0] * 3 + [-1.0] * 3 + [1.0, -1.0, 1.0])
    advantages = sign * r.rand(15, low=0.5, high=1.5)
    logp_old = r.randn(15, scale=0.5) - 1.0
    logp_new = (logp_old + log_ratio).requires_grad_(True)
    clipped = torch.tensor([True] * 6 + [False] * 9)
    loss = ppo(ppo_clip_loss, logp_new, logp_old, advantages)
    backward(loss, seed=61, what="the loss")
    return {
        "ratio": log_ratio.exp(),
        "advantages": advantages,
        "clipped": clipped,
        "logp_new.grad": logp_new.grad,
    }


def _only_logp_new(expected, got):
    for name in ("logp_old", "advantages"):
        require(
            got[f"{name}.grad"] is None,
            f"{name}.grad is not None after backward: a gradient flowed into {name}, which must "
            "be treated as a constant (only logp_new is trained)",
        )
    same(expected, got)


@test(check=_only_logp_new)
def no_gradient_into_logp_old_or_advantages(ppo_clip_loss):
    logp_new, logp_old, advantages = batch(7, shape=(8,))
    for t in (logp_new, logp_old, advantages):
        t.requires_grad_(True)
    loss = ppo(ppo_clip_loss, logp_new, logp_old, advantages)
    backward(loss, seed=71, what="the loss")
    return {"logp_new.grad": logp_new.grad, "logp_old.grad": logp_old.grad, "advantages.grad": advantages.grad}


@test
def loss_keeps_input_dtype(ppo_clip_loss):
    # float64 inputs (the tests' one exception to float32): the loss is float64 too.
    logp_new, logp_old, advantages = (t.detach().double() for t in batch(8, shape=(9,)))
    return {"loss": ppo(ppo_clip_loss, logp_new.requires_grad_(True), logp_old, advantages)}
