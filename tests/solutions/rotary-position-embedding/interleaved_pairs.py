# expect: wrong_answer rotate_half_layout_matches_reference
# Rotates adjacent pairs (2j, 2j+1) as in the paper / GPT-J instead of pairing j with j + D/2.
import torch


def apply_rotary_pos_emb(q, k, offset=0, base=10000.0):
    d = q.shape[-1]
    if d % 2:
        raise ValueError("D must be even")
    pos = torch.arange(offset, offset + q.shape[-2], dtype=torch.float32)
    inv_freq = 1.0 / base ** (torch.arange(0, d, 2, dtype=torch.float32) / d)
    theta = torch.outer(pos, inv_freq)
    cos, sin = theta.cos(), theta.sin()

    def rot(x):
        x_even, x_odd = x[..., 0::2], x[..., 1::2]
        out_even = x_even * cos - x_odd * sin
        out_odd = x_odd * cos + x_even * sin
        return torch.stack([out_even, out_odd], dim=-1).flatten(-2)

    return rot(q), rot(k)
