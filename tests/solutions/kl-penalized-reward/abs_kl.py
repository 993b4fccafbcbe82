# expect: wrong_answer kl_penalty_on_every_token
# Penalises |log-ratio| so the reward can never be positive; the task pins the signed k1 estimate.
import torch


def kl_penalized_rewards(policy_logprobs, ref_logprobs, scores, response_mask, beta):
    with torch.no_grad():
        kl = (policy_logprobs - ref_logprobs).abs()
        rewards = torch.where(response_mask, -beta * kl, torch.zeros_like(kl))
        t = response_mask.shape[1]
        last = t - 1 - response_mask.flip(-1).int().argmax(dim=-1)
        rewards[torch.arange(rewards.shape[0]), last] += scores
    return rewards
