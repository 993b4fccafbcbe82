# expect: wrong_answer last_block_shorter
# Uses Lk // block_size full blocks, silently dropping the keys of a shorter last block.
import math

import torch


def online_softmax_attention(q, k, v, block_size):
    scale = 1.0 / math.sqrt(q.size(-1))
    lead, lq = q.shape[:-2], q.size(-2)
    m = torch.full((*lead, lq, 1), float("-inf"))
    l = torch.zeros(*lead, lq, 1)
    o = torch.zeros(*lead, lq, v.size(-1))
    for j in range(max(1, k.size(-2) // block_size)):
        k_j = k[..., j * block_size : (j + 1) * block_size, :]
        v_j = v[..., j * block_size : (j + 1) * block_size, :]
        s = q @ k_j.transpose(-2, -1) * scale
        m_new = torch.maximum(m, s.amax(dim=-1, keepdim=True))
        c = torch.exp(m - m_new)
        p = torch.exp(s - m_new)
        l = c * l + p.sum(dim=-1, keepdim=True)
        o = c * o + p @ v_j
        m = m_new
    return o / l
