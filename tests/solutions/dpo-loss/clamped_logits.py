# expect: wrong_answer extreme_negative_margin_is_finite
# Clamps the logits to [-50, 50] to avoid overflow: finite, but the loss at -1000 is 50, not 1000.
import torch


def dpo_loss(policy_chosen_logps, policy_rejected_logps, reference_chosen_logps,
             reference_rejected_logps, beta=0.1):
    ref = (reference_chosen_logps - reference_rejected_logps).detach()
    logits = beta * (policy_chosen_logps - policy_rejected_logps - ref)
    logits = logits.clamp(-50, 50)
    return -torch.log(torch.sigmoid(logits)).mean()
