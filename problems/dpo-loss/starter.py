import torch
import torch.nn.functional as F


def dpo_loss(policy_chosen_logps, policy_rejected_logps, reference_chosen_logps,
             reference_rejected_logps, beta=0.1):
    """Direct Preference Optimization loss, averaged over the batch (a 0-dim tensor).

    All four inputs have shape (B,): the summed log-probability of each chosen / rejected
    response under the policy being trained and under the frozen reference model.
    """
    raise NotImplementedError
