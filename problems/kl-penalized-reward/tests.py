"""Hidden tests for kl-penalized-reward."""

import torch

from mlkata.judge.api import Rand, require, same, tensor, test

CALL = "kl_penalized_rewards(policy_logprobs, ref_logprobs, scores, response_mask, beta)"


def logprobs(seed, b, t):
    """Policy and reference log-probs of sampled tokens, close to each other (log-ratios of both signs)."""
    r = Rand(seed)
    ref = -r.rand(b, t, low=0.1, high=3.0)
    policy = ref + r.randn(b, t, scale=0.5)
    return policy, ref


def mask_from_spans(t, spans):
    """(B, T) bool mask, True on columns [start, stop) of each row."""
    mask = torch.zeros(len(spans), t, dtype=torch.bool)
    for i, (start, stop) in enumerate(spans):
        mask[i, start:stop] = True
    return mask


def with_garbage(x, mask, seed):
    """x with arbitrary large values outside the mask (what sits there must not matter)."""
    return torch.where(mask, x, Rand(seed).randn(*x.shape, scale=50.0))


def run(fn, policy, ref, scores, mask, beta):
    return tensor(fn(policy, ref, scores, mask, beta), "rewards")


@test
def kl_penalty_on_every_token(kl_penalized_rewards):
    # Full mask, zero scores: only the penalty, including positive rewards where the policy
    # is less likely than the reference.
    policy, ref = logprobs(1, 3, 5)
    mask = torch.ones(3, 5, dtype=torch.bool)
    return {"rewards": run(kl_penalized_rewards, policy, ref, torch.zeros(3), mask, 0.1)}


@test
def score_added_at_last_token(kl_penalized_rewards):
    policy, ref = logprobs(2, 2, 6)
    mask = torch.ones(2, 6, dtype=torch.bool)
    scores = torch.tensor([1.5, -0.7])
    return {"rewards": run(kl_penalized_rewards, policy, ref, scores, mask, 0.05)}


@test
def beta_scales_the_penalty(kl_penalized_rewards):
    policy, ref = logprobs(3, 2, 4)
    mask = torch.ones(2, 4, dtype=torch.bool)
    scores = torch.tensor([0.3, 0.9])
    return {
        "rewards (beta=0.2)": run(kl_penalized_rewards, policy, ref, scores, mask, 0.2),
        "rewards (beta=0)": run(kl_penalized_rewards, policy, ref, scores, mask, 0.0),
    }


@test
def right_padding_score_at_last_valid_token(kl_penalized_rewards):
    # Responses of lengths 7, 3, 5, 1 right-padded to T = 7; garbage log-probs in the padding.
    t = 7
    mask = mask_from_spans(t, [(0, 7), (0, 3), (0, 5), (0, 1)])
    policy, ref = logprobs(4, 4, t)
    policy, ref = with_garbage(policy, mask, 41), with_garbage(ref, mask, 42)
    scores = Rand(43).randn(4)
    return {"rewards": run(kl_penalized_rewards, policy, ref, scores, mask, 0.1)}


@test
def prompt_columns_before_response(kl_penalized_rewards):
    # Left-padded prompt and right-padded response columns are both False:
    # the last True column is not mask.sum(-1) - 1.
    t = 8
    mask = mask_from_spans(t, [(3, 8), (2, 5), (5, 6), (1, 7)])
    policy, ref = logprobs(5, 4, t)
    policy, ref = with_garbage(policy, mask, 51), with_garbage(ref, mask, 52)
    scores = Rand(53).randn(4)
    return {"rewards": run(kl_penalized_rewards, policy, ref, scores, mask, 0.1)}


def _no_grad(expected, got):
    require(
        got["rewards.requires_grad"] is False,
        "the rewards require grad: they were computed from policy_logprobs without detaching; "
        "PPO treats the rewards as constants (use torch.no_grad() or .detach())",
    )
    same(expected, got)


@test(check=_no_grad)
def rewards_carry_no_gradient(kl_penalized_rewards):
    t = 6
    mask = mask_from_spans(t, [(1, 6), (0, 4)])
    policy, ref = logprobs(6, 2, t)
    policy.requires_grad_(True)
    rewards = run(kl_penalized_rewards, policy, ref, torch.tensor([0.4, -1.2]), mask, 0.1)
    return {"rewards.requires_grad": bool(rewards.requires_grad), "rewards": rewards.detach()}


@test
def infinite_log_probs_outside_mask_give_zero(kl_penalized_rewards):
    # Padding columns often hold -inf log-probs (or nan): the rewards there are still exactly 0.
    t = 6
    mask = mask_from_spans(t, [(2, 5), (0, 4), (1, 6)])
    policy, ref = logprobs(7, 3, t)
    policy = torch.where(mask, policy, torch.tensor(float("-inf")))
    ref = torch.where(mask, ref, torch.tensor(float("nan")))
    ref[1, 5] = float("-inf")
    return {"rewards": run(kl_penalized_rewards, policy, ref, Rand(73).randn(3), mask, 0.1)}
