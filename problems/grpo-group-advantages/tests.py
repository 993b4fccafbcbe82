"""Hidden tests for grpo-group-advantages."""

import torch

from mlkata.judge.api import Rand, backward, require, same, tensor, test, unpack

CALL = "grpo_loss(logp_new, logp_old, logp_ref, rewards, mask)"


def batch(seed, b=3, g=4, t=5, spread=0.4, pad=10.0):
    """Log-probs around -1 with log-ratios of std `spread` (many outside the clip range), rewards
    whose groups have different means and scales, completions of different lengths, padding
    filled with +-`pad`. logp_new requires grad, as the statement promises."""
    r = Rand(seed)
    logp_old = r.randn(b, g, t, scale=0.5) - 1.0
    logp_new = logp_old + r.randn(b, g, t, scale=spread)
    logp_ref = logp_old + r.randn(b, g, t, scale=0.3)
    rewards = r.randn(b, g) * torch.linspace(0.5, 2.0, b).unsqueeze(1) + torch.linspace(-1.0, 3.0, b).unsqueeze(1)
    lengths = r.randint(1, t + 1, b, g)
    lengths[0, 0] = t  # at least one full-length completion
    mask = torch.arange(t) < lengths.unsqueeze(-1)
    junk = r.rand(b, g, t, low=-pad, high=pad)
    logp_new = torch.where(mask, logp_new, junk)
    logp_old = torch.where(mask, logp_old, -junk)
    logp_ref = torch.where(mask, logp_ref, junk.flip(-1))
    return logp_new.requires_grad_(True), logp_old, logp_ref, rewards, mask


def grpo(fn, *args, **kwargs):
    loss, advantages = unpack(fn(*args, **kwargs), 2, CALL)
    return tensor(loss, "loss"), tensor(advantages, "advantages")


@test
def advantages_match_reference(grpo_loss):
    # 3 prompts x 4 completions; the groups have different means and spreads.
    _, advantages = grpo(grpo_loss, *batch(1))
    return {"advantages": advantages}


@test
def advantages_use_unbiased_std(grpo_loss):
    # G = 3: the unbiased and biased stds differ by sqrt(3/2).
    rewards = torch.tensor([[1.0, 2.0, 4.0], [0.0, 0.5, -1.0]])
    logp_new, logp_old, logp_ref, _, mask = batch(2, b=2, g=3, t=2)
    _, advantages = grpo(grpo_loss, logp_new, logp_old, logp_ref, rewards, mask)
    return {"advantages": advantages}


@test
def advantages_normalised_per_prompt(grpo_loss):
    # Prompt 0's rewards are around 10, prompt 1's around 0: each group is normalised on its own.
    rewards = torch.tensor([[10.0, 11.0, 9.5, 10.5], [0.0, 1.0, 0.0, 0.0]])
    logp_new, logp_old, logp_ref, _, mask = batch(3, b=2, g=4, t=3)
    _, advantages = grpo(grpo_loss, logp_new, logp_old, logp_ref, rewards, mask)
    return {"advantages": advantages}


@test
def equal_rewards_give_zero_advantage(grpo_loss):
    # Group 1 is all 1.0 (every completion solved the problem): std 0, advantages exactly 0, not NaN.
    rewards = torch.tensor([[0.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0]])
    logp_new, logp_old, logp_ref, _, mask = batch(4, b=2, g=4, t=3)
    _, advantages = grpo(grpo_loss, logp_new, logp_old, logp_ref, rewards, mask)
    return {"advantages": advantages}


@test
def adv_eps_is_used(grpo_loss):
    # Rewards of std ~0.1 with adv_eps = 0.1: the epsilon halves the advantages.
    logp_new, logp_old, logp_ref, _, mask = batch(5, b=2, g=4, t=3)
    rewards = Rand(50).randn(2, 4, scale=0.1)
    _, advantages = grpo(grpo_loss, logp_new, logp_old, logp_ref, rewards, mask, adv_eps=0.1)
    return {"advantages": advantages}


@test
def loss_matches_reference(grpo_loss):
    loss, _ = grpo(grpo_loss, *batch(6, b=3, g=4, t=6))
    return {"loss": loss}


@test
def clip_eps_matters(grpo_loss):
    args = batch(7, b=2, g=4, t=5)
    return {
        "loss (clip_eps=0.1)": grpo(grpo_loss, *args, clip_eps=0.1, beta=0.0)[0],
        "loss (clip_eps=0.3)": grpo(grpo_loss, *args, clip_eps=0.3, beta=0.0)[0],
    }


@test
def kl_penalty_is_k3_times_beta(grpo_loss):
    # The same batch with beta = 0 and beta = 0.5: the difference is 0.5 * mean KL_k3.
    args = batch(8, b=2, g=3, t=4)
    return {
        "loss (beta=0)": grpo(grpo_loss, *args, beta=0.0)[0],
        "loss (beta=0.5)": grpo(grpo_loss, *args, beta=0.5)[0],
    }


@test
def default_beta_and_clip_eps(grpo_loss):
    # Defaults clip_eps=0.2, beta=0.04, adv_eps=1e-4, with rewards of std ~0.01 so adv_eps shows.
    logp_new, logp_old, logp_ref, _, mask = batch(9, b=2, g=4, t=4, spread=0.6)
    rewards = Rand(90).randn(2, 4, scale=0.01)
    loss, advantages = grpo(grpo_loss, logp_new, logp_old, logp_ref, rewards, mask)
    return {"loss": loss, "advantages": advantages}


@test
def completions_averaged_over_their_own_tokens(grpo_loss):
    # Lengths 1 and 6 in the same group: each completion's tokens are averaged first, so a long
    # completion does not weigh more than a short one (not one mean over all tokens of the batch).
    logp_new, logp_old, logp_ref, rewards, _ = batch(10, b=1, g=2, t=6)
    mask = torch.tensor([[[True] + [False] * 5, [True] * 6]])
    loss, _ = grpo(grpo_loss, logp_new, logp_old, logp_ref, rewards, mask)
    return {"loss": loss}


def _padding_ignored(expected, got):
    same(got["loss"], got["loss with other padding values"], "loss after changing only the padding values")
    same(expected, got)


@test(check=_padding_ignored)
def padding_tokens_ignored(grpo_loss):
    logp_new, logp_old, logp_ref, rewards, mask = batch(11, b=2, g=3, t=5)
    loss, _ = grpo(grpo_loss, logp_new, logp_old, logp_ref, rewards, mask)
    other = Rand(110).rand(2, 3, 5, low=-10.0, high=10.0)
    logp_new2 = torch.where(mask, logp_new.detach(), other).requires_grad_(True)
    logp_old2 = torch.where(mask, logp_old, other.flip(0))
    logp_ref2 = torch.where(mask, logp_ref, -other)
    loss2, _ = grpo(grpo_loss, logp_new2, logp_old2, logp_ref2, rewards, mask)
    return {"loss": loss, "loss with other padding values": loss2}


def _zero_on_padding(expected, got):
    grad, mask = got["logp_new.grad"], got["mask"]
    if isinstance(grad, torch.Tensor) and grad.shape == mask.shape:
        leak = ~mask & (grad != 0)
        require(
            not bool(leak.any()),
            f"logp_new.grad is non-zero at {int(leak.sum())} padding positions: padding must not receive gradient",
        )
    same(expected["logp_new.grad"], got["logp_new.grad"], "logp_new.grad")


@test(check=_zero_on_padding)
def gradient_wrt_logp_new(grpo_loss):
    logp_new, logp_old, logp_ref, rewards, mask = batch(12, b=2, g=4, t=5)
    loss, _ = grpo(grpo_loss, logp_new, logp_old, logp_ref, rewards, mask)
    backward(loss, seed=121, what="the loss")
    return {"logp_new.grad": logp_new.grad, "mask": mask}


def _unchanged(expected, got):
    for name in ("logp_new", "logp_old", "logp_ref", "rewards", "mask"):
        require(
            bool(torch.equal(got[f"{name} after the call"], got[f"{name} before the call"])),
            f"{name} was modified by the call: the inputs must be left unchanged",
        )


@test(check=_unchanged)
def inputs_unchanged(grpo_loss):
    args = batch(14, b=2, g=3, t=4)
    names = ("logp_new", "logp_old", "logp_ref", "rewards", "mask")
    _before = {f"{n} before the call": a.detach().clone() for n, a in zip(names, args)}
    grpo(grpo_loss, *args)
    return {**_before, **{f"{n} after the call": a.detach() for n, a in zip(names, args)}}


def _only_logp_new(expected, got):
    for name in ("logp_old", "logp_ref", "rewards"):
        require(
            got[f"{name}.grad"] is None,
            f"{name}.grad is not None after backward: a gradient flowed into {name}, which must "
            "be treated as a constant (only logp_new is trained)",
        )
    require(not got["advantages.requires_grad"], "the returned advantages require grad: they are constants (detach the rewards)")
    same(expected, got)


@test(check=_only_logp_new)
def no_gradient_into_constants(grpo_loss):
    logp_new, logp_old, logp_ref, rewards, mask = batch(13, b=2, g=3, t=4)
    for t in (logp_old, logp_ref, rewards):
        t.requires_grad_(True)
    loss, advantages = grpo(grpo_loss, logp_new, logp_old, logp_ref, rewards, mask)
    backward(loss, seed=131, what="the loss")
    return {
        "logp_new.grad": logp_new.grad,
        "logp_old.grad": logp_old.grad,
        "logp_ref.grad": logp_ref.grad,
        "rewards.grad": rewards.grad,
        "advantages.requires_grad": bool(advantages.requires_grad),
    }


@test
def outputs_keep_input_dtype(grpo_loss):
    # float64 inputs (the tests' one exception to float32): loss and advantages are float64 too.
    logp_new, logp_old, logp_ref, rewards, mask = batch(15, b=2, g=3, t=4)
    logp_new = logp_new.detach().double().requires_grad_(True)
    loss, advantages = grpo(grpo_loss, logp_new, logp_old.double(), logp_ref.double(), rewards.double(), mask)
    return {"loss": loss, "advantages": advantages}
