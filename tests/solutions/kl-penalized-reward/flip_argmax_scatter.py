# expect: passed
# Correct alternative: detach first, last index via flip + argmax, score added with scatter_add.
import torch


def kl_penalized_rewards(policy_logprobs, ref_logprobs, scores, response_mask, beta):
    log_ratio = policy_logprobs.detach() - ref_logprobs.detach()
    penalty = (-beta * log_ratio).masked_fill(~response_mask, 0.0)
    t = response_mask.size(1)
    last = (t - 1) - torch.argmax(response_mask.flip(1).to(torch.int64), dim=1)
    terminal = torch.zeros_like(penalty).scatter_add(1, last.unsqueeze(1), scores.detach().unsqueeze(1).to(penalty.dtype))
    return penalty + terminal
