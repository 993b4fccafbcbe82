# expect: passed
# Correct alternative: the band as tril & triu with diagonals offset by the cached length, stable softmax by hand.
import torch


def sliding_window_attention(q, k, v, window):
    if not window >= 1:
        raise ValueError(f"window must be at least 1, got {window}")
    lq, lk = q.size(-2), k.size(-2)
    past = lk - lq
    ones = torch.ones(lq, lk, dtype=torch.bool)
    mask = ones.tril(diagonal=past) & ones.triu(diagonal=past - window + 1)
    scores = torch.einsum("...qd,...kd->...qk", q, k) * q.size(-1) ** -0.5
    scores = torch.where(mask, scores, torch.full_like(scores, -1e30))
    w = (scores - scores.max(dim=-1, keepdim=True).values).exp()
    w = w * mask  # exact zeros outside the band
    return (w / w.sum(dim=-1, keepdim=True)) @ v, mask
