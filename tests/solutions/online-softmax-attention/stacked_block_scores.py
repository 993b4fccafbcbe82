# expect: wrong_answer never_materialises_full_score_matrix
# Computes the scores block by block but keeps them all and concatenates: the full matrix again.
import math

import torch


def online_softmax_attention(q, k, v, block_size):
    scale = 1.0 / math.sqrt(q.size(-1))
    blocks = []
    for start in range(0, k.size(-2), block_size):
        blocks.append(q @ k[..., start : start + block_size, :].transpose(-2, -1) * scale)
    scores = torch.cat(blocks, dim=-1)
    return torch.softmax(scores, dim=-1) @ v
