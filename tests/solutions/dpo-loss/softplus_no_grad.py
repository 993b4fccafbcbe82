# expect: passed
# Correct alternative: reference margin under no_grad, hand-written stable log-sigmoid.
import torch


def dpo_loss(policy_chosen_logps, policy_rejected_logps, reference_chosen_logps,
             reference_rejected_logps, beta=0.1):
    with torch.no_grad():
        ref_margin = reference_chosen_logps - reference_rejected_logps
    x = beta * (policy_chosen_logps - policy_rejected_logps - ref_margin)
    # log sigmoid(x) = min(x, 0) - log(1 + exp(-|x|))
    log_sig = torch.clamp(x, max=0) - torch.log1p(torch.exp(-x.abs()))
    return -log_sig.mean()
