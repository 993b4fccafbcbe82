# expect: passed
# Correct alternative: carries the running log-sum-exp and a normalised output, merging blocks with softmax weights.
import math

import torch


def online_softmax_attention(q, k, v, block_size):
    q = q / math.sqrt(q.shape[-1])
    lse = None  # running log-sum-exp of the scores seen so far, (..., Lq)
    out = None  # attention output over the keys seen so far (already normalised), (..., Lq, Dv)
    for k_j, v_j in zip(k.split(block_size, dim=-2), v.split(block_size, dim=-2)):
        s = torch.einsum("...qd,...kd->...qk", q, k_j)
        m = s.amax(dim=-1, keepdim=True)
        e = (s - m).exp()
        lse_j = m.squeeze(-1) + e.sum(dim=-1).log()
        out_j = torch.einsum("...qk,...kd->...qd", e / e.sum(dim=-1, keepdim=True), v_j)
        if lse is None:
            lse, out = lse_j, out_j
            continue
        new = torch.maximum(lse, lse_j)
        w_old, w_new = (lse - new).exp(), (lse_j - new).exp()
        total = w_old + w_new
        out = (w_old / total).unsqueeze(-1) * out + (w_new / total).unsqueeze(-1) * out_j
        lse = new + total.log()
    return out
