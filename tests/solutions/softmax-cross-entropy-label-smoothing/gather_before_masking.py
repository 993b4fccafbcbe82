# expect: runtime_error ignored_targets_excluded_from_mean
# Gathers with the raw targets, so the -100 padding index is out of bounds.

def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    shifted = logits - logits.amax(dim=-1, keepdim=True)
    log_probs = shifted - shifted.exp().sum(dim=-1, keepdim=True).log()
    nll = -log_probs.gather(1, target.unsqueeze(1)).squeeze(1)
    per_row = (1 - label_smoothing) * nll - label_smoothing * log_probs.mean(dim=-1)
    keep = target != ignore_index
    return per_row[keep].mean()
