# expect: runtime_error single_pair_batch
# Squeezes the per-pair losses (as if the log-probs came shaped (B, 1)) and divides their sum by len(): a batch of one becomes 0-dim and len() fails.
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
    losses = -F.logsigmoid(logits).squeeze()
    return losses.sum() / len(losses)
