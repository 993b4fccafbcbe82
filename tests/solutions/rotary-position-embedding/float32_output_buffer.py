# expect: wrong_answer keeps_float64_dtype
# Writes the two halves into torch.empty(x.shape), a float32 buffer: float64 inputs come back as float32.
import torch


def apply_rotary_pos_emb(q, k, offset=0, base=10000.0):
    d = q.shape[-1]
    if d % 2 != 0:
        raise ValueError(f"the head dimension must be even, got {d}")
    half = d // 2
    inv_freq = 1.0 / base ** (torch.arange(0, d, 2, dtype=torch.float32) / d)
    theta = torch.outer(torch.arange(offset, offset + q.shape[-2], dtype=torch.float32), inv_freq)
    cos, sin = theta.cos(), theta.sin()

    def rotate(x):
        out = torch.empty(x.shape)
        x1, x2 = x[..., :half], x[..., half:]
        out[..., :half] = x1 * cos - x2 * sin
        out[..., half:] = x2 * cos + x1 * sin
        return out

    return rotate(q), rotate(k)
