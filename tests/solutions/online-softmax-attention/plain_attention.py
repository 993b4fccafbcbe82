# expect: wrong_answer never_materialises_full_score_matrix
# Right numbers, but builds the whole (..., Lq, Lk) score matrix: exactly what tiling avoids.
import math

import torch


def online_softmax_attention(q, k, v, block_size):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    return torch.softmax(scores, dim=-1) @ v
