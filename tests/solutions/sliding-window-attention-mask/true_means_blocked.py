# expect: wrong_answer square_mask_window_counts_current_token
# Applies the window correctly but returns the mask with True = blocked, the opposite of the contract.
import math

import torch


def sliding_window_attention(q, k, v, window):
    if window < 1:
        raise ValueError("window must be >= 1")
    lq, lk = q.shape[-2], k.shape[-2]
    i = torch.arange(lk - lq, lk)[:, None]
    j = torch.arange(lk)[None, :]
    blocked = (j > i) | (j <= i - window)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    scores = scores.masked_fill(blocked, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v, blocked
