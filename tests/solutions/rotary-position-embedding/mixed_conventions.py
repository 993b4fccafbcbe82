# expect: wrong_answer rotate_half_layout_matches_reference
# Pairs j with j + D/2 but lays the angles out interleaved (repeat_interleave), so the two halves of a pair get different angles.
import torch


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


def apply_rotary_pos_emb(q, k, offset=0, base=10000.0):
    d = q.shape[-1]
    if d % 2:
        raise ValueError("D must be even")
    inv_freq = 1.0 / base ** (torch.arange(0, d, 2).float() / d)
    t = torch.arange(offset, offset + q.shape[-2]).float()
    emb = torch.outer(t, inv_freq).repeat_interleave(2, dim=-1)
    return q * emb.cos() + rotate_half(q) * emb.sin(), k * emb.cos() + rotate_half(k) * emb.sin()
