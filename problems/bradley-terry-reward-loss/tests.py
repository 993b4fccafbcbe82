"""Hidden tests for bradley-terry-reward-loss."""

import torch

from mlkata.judge.api import Rand, backward, require, same, tensor, test, unpack

CALL = "reward_model_loss(chosen_rewards, rejected_rewards)"


def rewards(seed, b=8, scale=1.0):
    """Chosen / rejected rewards of order 1: a mix of correctly and wrongly ordered pairs."""
    r = Rand(seed)
    return r.randn(b, scale=scale), r.randn(b, scale=scale)


def run(fn, chosen, rejected, margin=None):
    result = fn(chosen, rejected) if margin is None else fn(chosen, rejected, margin=margin)
    loss, accuracy = unpack(result, 2, CALL)
    return tensor(loss, "loss"), accuracy


@test
def loss_matches_reference(reward_model_loss):
    loss, _ = run(reward_model_loss, *rewards(1))
    return {"loss": loss}


@test
def margin_is_subtracted(reward_model_loss):
    chosen, rejected = rewards(2, b=6)
    margin = Rand(21).rand(6, low=0.0, high=2.0)
    loss, _ = run(reward_model_loss, chosen, rejected, margin)
    return {"loss (with margin)": loss}


def _batch_mean(expected, got):
    a, b = got["loss"], got["loss (batch repeated 3 times)"]
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor) and a.shape == b.shape == ():
        require(
            abs(a.item() - b.item()) <= 1e-5 + 1e-4 * abs(a.item()),
            f"repeating the batch 3 times changed the loss from {a.item():.6g} to {b.item():.6g}: "
            "the loss must be the mean over the pairs, not the sum",
        )
    same(expected, got)


@test(check=_batch_mean)
def loss_is_batch_mean(reward_model_loss):
    chosen, rejected = rewards(3, b=4)
    loss, _ = run(reward_model_loss, chosen, rejected)
    loss3, _ = run(reward_model_loss, chosen.repeat(3), rejected.repeat(3))
    return {"loss": loss, "loss (batch repeated 3 times)": loss3}


@test
def accuracy_counts_ties_as_wrong(reward_model_loss):
    # 8 pairs: 3 correctly ordered, 3 wrongly ordered, 2 exact ties -> 3 / 8.
    chosen = torch.tensor([1.0, 0.2, -0.5, 0.3, 0.0, -1.0, 0.7, 0.7])
    rejected = torch.tensor([0.0, -0.3, -0.9, 0.8, 0.4, -0.2, 0.7, 0.7])
    margin = torch.full((8,), 0.6)  # the accuracy ignores the margin
    _, accuracy = run(reward_model_loss, chosen, rejected, margin)
    return {"accuracy": accuracy}


@test
def gradients_wrt_both_rewards(reward_model_loss):
    chosen, rejected = rewards(5, b=6)
    chosen.requires_grad_(True)
    rejected.requires_grad_(True)
    margin = Rand(51).rand(6, low=0.0, high=1.0)
    loss, _ = run(reward_model_loss, chosen, rejected, margin)
    backward(loss, seed=52, what="loss")
    return {"chosen_rewards.grad": chosen.grad, "rejected_rewards.grad": rejected.grad}


def _finite(expected, got):
    for key, value in got.items():
        if isinstance(value, torch.Tensor) and value.is_floating_point():
            bad = ~torch.isfinite(value)
            if bool(bad.any()):
                shown = value.reshape(-1)[bad.reshape(-1)][0].item()
                require(False, f"{key} is not finite ({shown}) when chosen - rejected is about {got['chosen - rejected']}")
    same(expected, got)


def _extreme(fn, seed, sign):
    r = Rand(seed)
    rejected = r.randn(5)
    chosen = (rejected + sign * (1e4 + r.rand(5, high=10.0))).requires_grad_(True)
    rejected.requires_grad_(True)
    loss, _ = run(fn, chosen, rejected)
    backward(loss, seed=seed + 1, what="loss")
    return {
        "chosen - rejected": "+1e4" if sign > 0 else "-1e4",
        "loss": loss.detach(),
        "chosen_rewards.grad": chosen.grad,
        "rejected_rewards.grad": rejected.grad,
    }


@test(check=_finite)
def large_positive_difference_is_finite(reward_model_loss):
    # The loss is about 0 and the gradients about 0.
    return _extreme(reward_model_loss, 60, 1.0)


@test(check=_finite)
def large_negative_difference_is_finite(reward_model_loss):
    # The loss is about 1e4 and the gradients -+ 1 / B.
    return _extreme(reward_model_loss, 70, -1.0)


@test
def single_pair_batch(reward_model_loss):
    # B = 1, the smallest batch: a 0-dim loss and an accuracy of 0 or 1.
    r = Rand(80)
    chosen, rejected = r.randn(1) + 1.0, r.randn(1)
    loss, accuracy = run(reward_model_loss, chosen, rejected, r.rand(1))
    return {"loss": loss, "accuracy": accuracy}


@test
def loss_keeps_float64_dtype(reward_model_loss):
    # The loss keeps the input dtype: float64 rewards give a float64 loss.
    chosen, rejected = rewards(90, b=5)
    loss, _ = run(reward_model_loss, chosen.double(), rejected.double(), Rand(91).rand(5).double())
    return {"loss": loss}
