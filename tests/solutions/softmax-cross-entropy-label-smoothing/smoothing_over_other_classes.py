# expect: wrong_answer label_smoothing_pytorch_convention
# Spreads eps over the C - 1 wrong classes and gives the true class exactly 1 - eps (not PyTorch's convention).
import torch


def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    n, c = logits.shape
    shifted = logits - logits.amax(dim=-1, keepdim=True)
    log_probs = shifted - shifted.exp().sum(dim=-1, keepdim=True).log()
    keep = target != ignore_index
    safe = torch.where(keep, target, torch.zeros_like(target))
    q = torch.full_like(log_probs, label_smoothing / (c - 1))
    q.scatter_(1, safe.unsqueeze(1), 1.0 - label_smoothing)
    per_row = -(q * log_probs).sum(dim=-1)
    return (per_row * keep).sum() / keep.sum()
