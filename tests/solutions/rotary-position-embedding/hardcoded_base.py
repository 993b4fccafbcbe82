# expect: wrong_answer custom_base_is_used
# Accepts base but always uses 10000.
import torch


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


def apply_rotary_pos_emb(q, k, offset=0, base=10000.0):
    d = q.shape[-1]
    if d % 2:
        raise ValueError("D must be even")
    inv_freq = 1.0 / 10000.0 ** (torch.arange(0, d, 2).float() / d)
    t = torch.arange(offset, offset + q.shape[-2]).float()
    freqs = torch.outer(t, inv_freq)
    emb = torch.cat([freqs, freqs], dim=-1)
    return q * emb.cos() + rotate_half(q) * emb.sin(), k * emb.cos() + rotate_half(k) * emb.sin()
