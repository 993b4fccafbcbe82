# expect: wrong_answer large_logits_are_stable
# log(softmax(x)): fine for small logits, but probabilities underflow to 0 and log gives -inf.
import torch


def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    log_probs = torch.softmax(logits, dim=-1).log()
    keep = target != ignore_index
    safe = torch.where(keep, target, torch.zeros_like(target))
    nll = -log_probs.gather(1, safe.unsqueeze(1)).squeeze(1)
    per_row = (1 - label_smoothing) * nll - label_smoothing * log_probs.mean(dim=-1)
    return torch.where(keep, per_row, torch.zeros_like(per_row)).sum() / keep.sum()
