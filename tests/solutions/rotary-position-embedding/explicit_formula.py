# expect: passed
# Correct alternative: the pair formulas written out on the two halves, without rotate_half.
import torch


def apply_rotary_pos_emb(q, k, offset=0, base=10000.0):
    dim = q.shape[-1]
    if dim % 2 != 0:
        raise ValueError("head dimension must be even")
    h = dim // 2
    freq = torch.exp(-torch.arange(h, dtype=torch.float32) * 2.0 / dim * torch.log(torch.tensor(base)))
    ang = (offset + torch.arange(q.shape[-2], dtype=torch.float32))[:, None] * freq
    c, s = torch.cos(ang), torch.sin(ang)

    def apply(x):
        a, b = x[..., :h], x[..., h:]
        return torch.cat([a * c - b * s, b * c + a * s], dim=-1)

    return apply(q), apply(k)
