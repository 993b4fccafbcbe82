# expect: wrong_answer rewards_carry_no_gradient
# Builds the rewards straight from policy_logprobs: they stay attached to the policy's graph.
import torch


def kl_penalized_rewards(policy_logprobs, ref_logprobs, scores, response_mask, beta):
    kl = policy_logprobs - ref_logprobs
    rewards = torch.where(response_mask, -beta * kl, torch.zeros_like(kl))
    t = response_mask.shape[1]
    last = t - 1 - response_mask.flip(-1).int().argmax(dim=-1)
    bonus = torch.zeros_like(rewards)
    bonus[torch.arange(rewards.shape[0]), last] = scores
    return rewards + bonus
