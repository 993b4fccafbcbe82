# expect: wrong_answer infinite_log_probs_outside_mask_give_zero
# Masks by multiplying with the mask: 0 * inf is nan where padding log-probs are infinite.
import torch


def kl_penalized_rewards(policy_logprobs, ref_logprobs, scores, response_mask, beta):
    """Per-token RLHF rewards: KL penalty on every response token, score on the last one."""
    with torch.no_grad():  # the rewards are constants for PPO
        mask = response_mask.bool()
        kl = policy_logprobs - ref_logprobs  # k1 estimator, per token
        rewards = -beta * kl * mask
        t = mask.shape[-1]
        # Last True column of each row: the largest index among the True positions.
        positions = torch.arange(t, device=mask.device).expand_as(mask)
        last = torch.where(mask, positions, torch.full_like(positions, -1)).max(dim=-1).values
        rows = torch.arange(mask.shape[0], device=mask.device)
        rewards[rows, last] += scores.to(rewards.dtype)
    return rewards
