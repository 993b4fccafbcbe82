# expect: runtime_error single_row_and_two_classes
# Selects the kept rows with keep.nonzero().squeeze(): with a single kept row the index collapses to 0-dim and the row axis is lost.
import torch


def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    rows = (target != ignore_index).nonzero().squeeze()
    x, y = logits[rows], target[rows]  # (K, C) and (K,) ... unless K == 1
    shifted = x - x.amax(dim=-1, keepdim=True)
    log_probs = shifted - shifted.exp().sum(dim=-1, keepdim=True).log()
    nll = -log_probs.gather(1, y.unsqueeze(1)).squeeze(1)
    uniform = -log_probs.mean(dim=-1)
    return ((1.0 - label_smoothing) * nll + label_smoothing * uniform).mean()
