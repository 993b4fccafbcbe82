# expect: wrong_answer loss_keeps_float64_dtype
# Casts the logits to float32 "for stability", so float64 log-probs give a float32 loss.
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, reference_chosen_logps,
             reference_rejected_logps, beta=0.1):
    """Direct Preference Optimization loss, averaged over the batch (a 0-dim tensor)."""
    # The reference model is frozen: its log-probs are constants.
    ref_chosen = reference_chosen_logps.detach()
    ref_rejected = reference_rejected_logps.detach()
    chosen_logratio = policy_chosen_logps - ref_chosen
    rejected_logratio = policy_rejected_logps - ref_rejected
    logits = beta * (chosen_logratio - rejected_logratio)
    # logsigmoid is stable for large |x|; log(sigmoid(x)) gives -inf at x = -1000.
    return -F.logsigmoid(logits.float()).mean()
