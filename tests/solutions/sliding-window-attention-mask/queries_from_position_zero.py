# expect: wrong_answer queries_are_the_last_positions_when_lq_lt_lk
# Numbers the queries 0 .. Lq-1 (top-left aligned), ignoring that with a KV cache they are the last Lq positions.
import math

import torch


def sliding_window_attention(q, k, v, window):
    if window < 1:
        raise ValueError("window must be >= 1")
    lq, lk = q.shape[-2], k.shape[-2]
    i = torch.arange(lq)[:, None]
    j = torch.arange(lk)[None, :]
    mask = (j <= i) & (j > i - window)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v, mask
