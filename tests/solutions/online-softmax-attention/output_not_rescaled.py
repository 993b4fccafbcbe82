# expect: wrong_answer matches_plain_attention
# Rescales the running sum when the max moves but forgets to rescale the output accumulator.
import math

import torch


def online_softmax_attention(q, k, v, block_size):
    scale = 1.0 / math.sqrt(q.size(-1))
    lead, lq = q.shape[:-2], q.size(-2)
    m = torch.full((*lead, lq, 1), float("-inf"))
    l = torch.zeros(*lead, lq, 1)
    o = torch.zeros(*lead, lq, v.size(-1))
    for start in range(0, k.size(-2), block_size):
        s = q @ k[..., start : start + block_size, :].transpose(-2, -1) * scale
        m_new = torch.maximum(m, s.amax(dim=-1, keepdim=True))
        p = torch.exp(s - m_new)
        l = torch.exp(m - m_new) * l + p.sum(dim=-1, keepdim=True)
        o = o + p @ v[..., start : start + block_size, :]
        m = m_new
    return o / l
