# expect: wrong_answer large_scores_are_stable
# Sums exp(score) directly without a running max: fine for small scores, overflows for large ones.
import math

import torch


def online_softmax_attention(q, k, v, block_size):
    scale = 1.0 / math.sqrt(q.size(-1))
    lead, lq = q.shape[:-2], q.size(-2)
    l = torch.zeros(*lead, lq, 1)
    o = torch.zeros(*lead, lq, v.size(-1))
    for start in range(0, k.size(-2), block_size):
        p = torch.exp(q @ k[..., start : start + block_size, :].transpose(-2, -1) * scale)
        l = l + p.sum(dim=-1, keepdim=True)
        o = o + p @ v[..., start : start + block_size, :]
    return o / l
