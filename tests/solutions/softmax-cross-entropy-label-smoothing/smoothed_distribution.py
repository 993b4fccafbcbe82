# expect: passed
# Correct alternative: builds the smoothed target distribution and a manual logsumexp, selects kept rows with a boolean index.
import torch


def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    keep = target != ignore_index
    x = logits[keep]                                   # (K, C)
    y = target[keep]
    c = logits.size(1)
    m = x.max(dim=1, keepdim=True).values
    lse = m + torch.log(torch.exp(x - m).sum(dim=1, keepdim=True))
    log_p = x - lse
    q = torch.full_like(log_p, label_smoothing / c)
    q[torch.arange(y.numel()), y] += 1.0 - label_smoothing
    return -(q * log_p).sum() / keep.sum()
