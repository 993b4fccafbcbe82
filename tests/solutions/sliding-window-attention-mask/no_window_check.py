# expect: wrong_answer invalid_window_raises_value_error
# Never validates window: window = 0 masks every key and silently returns NaN.
import math

import torch


def sliding_window_attention(q, k, v, window):
    lq, lk = q.shape[-2], k.shape[-2]
    i = torch.arange(lk - lq, lk)[:, None]
    j = torch.arange(lk)[None, :]
    mask = (j <= i) & (j > i - window)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v, mask
