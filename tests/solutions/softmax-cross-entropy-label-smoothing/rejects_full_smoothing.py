# expect: runtime_error smoothing_range_endpoints
# Validates label_smoothing as 0 <= eps < 1 and raises for eps = 1, which the stated range [0, 1] includes.
import torch


def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    """Mean softmax cross-entropy over non-ignored rows, with PyTorch's label smoothing."""
    if not 0.0 <= label_smoothing < 1.0:
        raise ValueError(f"label_smoothing must be in [0, 1), got {label_smoothing}")
    # Stable log-softmax: subtract the row max before exponentiating.
    shifted = logits - logits.amax(dim=-1, keepdim=True)
    log_probs = shifted - shifted.exp().sum(dim=-1, keepdim=True).log()  # (N, C)

    keep = target != ignore_index
    safe_target = torch.where(keep, target, torch.zeros_like(target))  # any valid index for ignored rows
    nll = -log_probs.gather(1, safe_target.unsqueeze(1)).squeeze(1)   # -log p[i, y_i]
    uniform = -log_probs.mean(dim=-1)                                 # -(1/C) sum_c log p[i, c]
    per_row = (1.0 - label_smoothing) * nll + label_smoothing * uniform

    per_row = torch.where(keep, per_row, torch.zeros_like(per_row))
    return per_row.sum() / keep.sum()  # 0 / 0 = nan when every row is ignored
