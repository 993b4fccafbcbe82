"""Hidden tests for softmax-cross-entropy-label-smoothing."""

import math

import torch
from torch.overrides import TorchFunctionMode

from mlkata.judge.api import Rand, WrongAnswer, backward, require, same, tensor, test

BANNED = {"log_softmax", "_log_softmax", "logsumexp", "cross_entropy", "nll_loss", "cross_entropy_loss"}


class _NoBuiltinLogSoftmax(TorchFunctionMode):
    """Rejects the library log-softmax / logsumexp / cross-entropy, whatever the spelling."""

    def __torch_function__(self, func, types, args=(), kwargs=None):
        name = getattr(func, "__name__", "")
        if name in BANNED:
            raise WrongAnswer(f"called {name} (a built-in this problem forbids): compute the log-softmax yourself")
        return func(*args, **(kwargs or {}))


def loss_of(fn, logits, target, **kwargs):
    shown = ", ".join(["logits", "target"] + [f"{k}={v}" for k, v in kwargs.items()])
    with _NoBuiltinLogSoftmax():
        out = fn(logits, target, **kwargs)
    return tensor(out, f"cross_entropy({shown})")


def data(seed, n=6, c=5, scale=1.0):
    r = Rand(seed)
    return r.randn(n, c, scale=scale), r.randint(0, c, n)


@test
def no_smoothing_matches_reference(fn):
    logits, target = data(1)
    return {"loss": loss_of(fn, logits, target)}


@test
def label_smoothing_pytorch_convention(fn):
    # eps / C on every class, the true one included.
    logits, target = data(2, n=5, c=7)
    return {
        "loss (label_smoothing=0.1)": loss_of(fn, logits, target, label_smoothing=0.1),
        "loss (label_smoothing=0.4)": loss_of(fn, logits, target, label_smoothing=0.4),
    }


@test
def ignored_targets_excluded_from_mean(fn):
    # 3 of 8 rows are padding (-100): the mean is over the 5 others.
    logits, target = data(3, n=8, c=4)
    target[torch.tensor([1, 4, 5])] = -100
    return {
        "loss": loss_of(fn, logits, target),
        "loss (label_smoothing=0.2)": loss_of(fn, logits, target, label_smoothing=0.2),
    }


@test
def custom_ignore_index_can_be_a_class(fn):
    # ignore_index = 0 (a padding token id): rows with target 0 are skipped, nothing is negative.
    logits, target = data(4, n=7, c=5)
    target = torch.tensor([0, 3, 0, 1, 4, 2, 0])
    return {"loss": loss_of(fn, logits, target, ignore_index=0, label_smoothing=0.1)}


def _finite(expected, got):
    for key in ("loss", "logits.grad"):
        value = got[key]
        if isinstance(value, torch.Tensor) and value.is_floating_point():
            require(bool(torch.isfinite(value).all()), f"{key} is not finite with logits of size ~1000: {value.flatten()[:4].tolist()}")
    same(expected, got)


@test(check=_finite)
def large_logits_are_stable(fn):
    # Logits ~ +-1000: exp overflows and softmax probabilities underflow to exactly 0.
    logits, target = data(5, n=4, c=6, scale=1000.0)
    logits.requires_grad_(True)
    loss = loss_of(fn, logits, target, label_smoothing=0.1)
    backward(loss, seed=51, what="the loss")
    return {"loss": loss.detach(), "logits.grad": logits.grad}


@test
def gradients_match_reference(fn):
    # Smoothing and ignored rows together; the ignored rows' gradient is zero.
    logits, target = data(6, n=6, c=4)
    target[torch.tensor([2, 5])] = -100
    logits.requires_grad_(True)
    loss = loss_of(fn, logits, target, label_smoothing=0.25)
    backward(loss, seed=61, what="the loss")
    return {"logits.grad": logits.grad}


def _is_nan(expected, got):
    value = got["loss"]
    require(
        isinstance(value, torch.Tensor) and value.dim() == 0 and math.isnan(value.item()),
        f"with every target ignored the loss must be nan (0 / 0, as in PyTorch), got {value}",
    )


@test(check=_is_nan)
def all_targets_ignored_gives_nan(fn):
    logits, _ = data(7, n=3, c=4)
    target = torch.full((3,), -100)
    return {"loss": loss_of(fn, logits, target, label_smoothing=0.1)}


@test
def smoothing_range_endpoints(fn):
    # Both ends of label_smoothing in [0, 1]: 0 is plain cross-entropy, 1 the uniform target alone.
    logits, target = data(8, n=5, c=4)
    target[3] = -100
    return {
        "loss (label_smoothing=0.0)": loss_of(fn, logits, target, label_smoothing=0.0),
        "loss (label_smoothing=1.0)": loss_of(fn, logits, target, label_smoothing=1.0),
    }


@test
def single_row_and_two_classes(fn):
    # N = 1 and C = 2, the smallest inputs allowed: the statement's example, then with smoothing
    # and one of two rows ignored (a single kept row).
    logits, _ = data(9, n=2, c=2)
    return {
        "loss ([[1000, 0]], target [1])": loss_of(fn, torch.tensor([[1000.0, 0.0]]), torch.tensor([1])),
        "loss (N = 1, label_smoothing=0.3)": loss_of(fn, logits[:1], torch.tensor([0]), label_smoothing=0.3),
        "loss (one of two rows ignored)": loss_of(fn, logits, torch.tensor([-100, 1]), label_smoothing=0.3),
    }
