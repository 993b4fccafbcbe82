import math

import torch


def online_softmax_attention(q, k, v, block_size):
    """softmax(q @ k^T / sqrt(D)) @ v over key blocks, with the online-softmax recurrence."""
    scale = 1.0 / math.sqrt(q.size(-1))
    lq, lk = q.size(-2), k.size(-2)
    lead = q.shape[:-2]
    # Running statistics per query: max m, normaliser l, unnormalised output o.
    m = torch.full((*lead, lq, 1), float("-inf"), dtype=q.dtype)
    l = torch.zeros((*lead, lq, 1), dtype=q.dtype)
    o = torch.zeros((*lead, lq, v.size(-1)), dtype=q.dtype)
    for start in range(0, lk, block_size):
        k_j = k[..., start : start + block_size, :]
        v_j = v[..., start : start + block_size, :]
        s_j = q @ k_j.transpose(-2, -1) * scale              # (..., Lq, block)
        m_new = torch.maximum(m, s_j.amax(dim=-1, keepdim=True))
        correction = torch.exp(m - m_new)                      # rescales what was summed so far
        p_j = torch.exp(s_j - m_new)
        l = correction * l + p_j.sum(dim=-1, keepdim=True)
        o = correction * o + p_j @ v_j
        m = m_new
    return o / l
