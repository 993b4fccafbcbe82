# expect: wrong_answer no_smoothing_matches_reference
# Uses the tensor method logits.log_softmax, the built-in the problem asks you to write.
import torch


def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    log_probs = logits.log_softmax(dim=-1)
    keep = target != ignore_index
    safe = torch.where(keep, target, torch.zeros_like(target))
    nll = -log_probs.gather(1, safe.unsqueeze(1)).squeeze(1)
    per_row = (1 - label_smoothing) * nll - label_smoothing * log_probs.mean(dim=-1)
    return (per_row * keep).sum() / keep.sum()
