# expect: wrong_answer right_padding_score_at_last_valid_token
# Adds the score at column T - 1 for every row, i.e. on a padding position for shorter responses.
import torch


def kl_penalized_rewards(policy_logprobs, ref_logprobs, scores, response_mask, beta):
    with torch.no_grad():
        rewards = -beta * (policy_logprobs - ref_logprobs)
        rewards = rewards.masked_fill(~response_mask, 0.0)
        rewards[:, -1] += scores
    return rewards
