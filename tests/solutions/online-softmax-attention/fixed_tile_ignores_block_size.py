# expect: wrong_answer keys_processed_block_size_at_a_time
# Walks the keys in fixed tiles of 16 whatever block_size is: right values, small tensors, but not the blocks asked for.
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
    tile = 16  # a fixed tile, whatever block_size says
    for start in range(0, lk, tile):
        k_j = k[..., start : start + tile, :]
        v_j = v[..., start : start + tile, :]
        s_j = q @ k_j.transpose(-2, -1) * scale              # (..., Lq, block)
        m_new = torch.maximum(m, s_j.amax(dim=-1, keepdim=True))
        correction = torch.exp(m - m_new)                      # rescales what was summed so far
        p_j = torch.exp(s_j - m_new)
        l = correction * l + p_j.sum(dim=-1, keepdim=True)
        o = correction * o + p_j @ v_j
        m = m_new
    return o / l
