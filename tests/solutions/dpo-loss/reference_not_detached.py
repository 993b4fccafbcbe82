# expect: wrong_answer reference_logps_get_no_gradient
# Right value, but gradients flow into the reference log-probs (never detached).
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, reference_chosen_logps,
             reference_rejected_logps, beta=0.1):
    chosen = policy_chosen_logps - reference_chosen_logps
    rejected = policy_rejected_logps - reference_rejected_logps
    return -F.logsigmoid(beta * (chosen - rejected)).mean()
