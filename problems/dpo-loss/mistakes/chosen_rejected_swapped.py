# mistake: chosen and rejected are swapped: the margin is (chosen - rejected) log-ratios
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, reference_chosen_logps,
             reference_rejected_logps, beta=0.1):
    rc, rr = reference_chosen_logps.detach(), reference_rejected_logps.detach()
    logits = beta * ((policy_rejected_logps - rr) - (policy_chosen_logps - rc))
    return -F.logsigmoid(logits).mean()
