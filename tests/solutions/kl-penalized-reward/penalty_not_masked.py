# expect: wrong_answer right_padding_score_at_last_valid_token
# Applies the KL penalty at every column, padding included; only the score placement uses the mask.
import torch


def kl_penalized_rewards(policy_logprobs, ref_logprobs, scores, response_mask, beta):
    with torch.no_grad():
        rewards = -beta * (policy_logprobs - ref_logprobs)
        t = response_mask.shape[1]
        last = t - 1 - response_mask.flip(-1).int().argmax(dim=-1)
        rewards[torch.arange(rewards.shape[0]), last] += scores
    return rewards
