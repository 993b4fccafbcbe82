# expect: wrong_answer ignored_targets_excluded_from_mean
# Zeroes the ignored rows but divides by N instead of the number of non-ignored rows.
import torch


def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    shifted = logits - logits.amax(dim=-1, keepdim=True)
    log_probs = shifted - shifted.exp().sum(dim=-1, keepdim=True).log()
    keep = target != ignore_index
    safe = torch.where(keep, target, torch.zeros_like(target))
    nll = -log_probs.gather(1, safe.unsqueeze(1)).squeeze(1)
    per_row = (1 - label_smoothing) * nll - label_smoothing * log_probs.mean(dim=-1)
    return (per_row * keep).mean()
