# expect: wrong_answer window_one_attends_only_to_itself
# Zeroes the weights outside the window after the softmax, without renormalising the rows.
import math

import torch


def sliding_window_attention(q, k, v, window):
    if window < 1:
        raise ValueError("window must be >= 1")
    lq, lk = q.shape[-2], k.shape[-2]
    i = torch.arange(lk - lq, lk)[:, None]
    j = torch.arange(lk)[None, :]
    mask = (j <= i) & (j > i - window)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    weights = torch.softmax(scores, dim=-1) * mask
    return weights @ v, mask
