# expect: wrong_answer prompt_columns_before_response
# Puts the score at mask.sum(-1) - 1, which is the last response token only when the response starts at column 0.
import torch


def kl_penalized_rewards(policy_logprobs, ref_logprobs, scores, response_mask, beta):
    kl = (policy_logprobs - ref_logprobs).detach()
    rewards = -beta * kl * response_mask
    last = response_mask.long().sum(dim=-1) - 1
    rewards[torch.arange(rewards.shape[0]), last] += scores
    return rewards
