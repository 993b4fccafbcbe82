# expect: wrong_answer extreme_negative_margin_is_finite
# -log(sigmoid(x)): sigmoid(-1000) underflows to 0 in float32, so the loss is inf.
import torch


def dpo_loss(policy_chosen_logps, policy_rejected_logps, reference_chosen_logps,
             reference_rejected_logps, beta=0.1):
    pi_logratios = policy_chosen_logps - policy_rejected_logps
    ref_logratios = (reference_chosen_logps - reference_rejected_logps).detach()
    logits = beta * (pi_logratios - ref_logratios)
    return -torch.log(torch.sigmoid(logits)).mean()
