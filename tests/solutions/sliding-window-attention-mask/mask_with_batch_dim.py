# expect: wrong_answer no_leading_dimensions
# Gives the mask a batch dimension (mask[None]) before masking: inputs without leading dimensions get a spurious (1, Lq, Dv) output.
import math

import torch


def sliding_window_mask(lq, lk, window):
    """(lq, lk) bool, True where query i (at position lk - lq + i) may attend to key j."""
    pos_q = torch.arange(lk - lq, lk).unsqueeze(1)  # (Lq, 1) absolute positions of the queries
    pos_k = torch.arange(lk).unsqueeze(0)  # (1, Lk)
    return (pos_k <= pos_q) & (pos_k > pos_q - window)  # causal and inside the window


def sliding_window_attention(q, k, v, window):
    """Causal sliding-window attention. Returns (out, mask)."""
    if window < 1:
        raise ValueError(f"window must be >= 1, got {window}")
    lq, lk = q.shape[-2], k.shape[-2]
    mask = sliding_window_mask(lq, lk, window).to(q.device)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    scores = scores.masked_fill(~mask[None], float("-inf"))  # (1, Lq, Lk): broadcasts over the batch
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, mask
