# expect: wrong_answer kl_penalty_on_every_token
# Uses ref - policy as the log-ratio: rewards the policy for moving away from the reference.
import torch


def kl_penalized_rewards(policy_logprobs, ref_logprobs, scores, response_mask, beta):
    with torch.no_grad():
        kl = ref_logprobs - policy_logprobs
        rewards = torch.where(response_mask, -beta * kl, torch.zeros_like(kl))
        idx = torch.arange(response_mask.shape[1]).expand_as(response_mask)
        last = torch.where(response_mask, idx, -1).argmax(dim=-1)
        rewards[torch.arange(rewards.shape[0]), last] += scores
    return rewards
