# expect: wrong_answer custom_ignore_index_can_be_a_class
# Treats "target < 0" as padding instead of comparing with ignore_index.

def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    shifted = logits - logits.amax(dim=-1, keepdim=True)
    log_probs = shifted - shifted.exp().sum(dim=-1, keepdim=True).log()
    keep = target >= 0
    safe = target.clamp(min=0)
    nll = -log_probs.gather(1, safe.unsqueeze(1)).squeeze(1)
    per_row = (1 - label_smoothing) * nll - label_smoothing * log_probs.mean(dim=-1)
    return (per_row * keep).sum() / keep.sum()
