# expect: wrong_answer inputs_are_not_modified
# Rotates q and k in place to save memory (x.mul_(cos).add_(...)) and returns them: the caller's tensors are overwritten.
import torch


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


def apply_rotary_pos_emb(q, k, offset=0, base=10000.0):
    d = q.shape[-1]
    if d % 2 != 0:
        raise ValueError(f"the head dimension must be even, got {d}")
    inv_freq = 1.0 / base ** (torch.arange(0, d, 2, dtype=torch.float32) / d)
    positions = torch.arange(offset, offset + q.shape[-2], dtype=torch.float32)
    emb = torch.cat([torch.outer(positions, inv_freq)] * 2, dim=-1)
    cos, sin = emb.cos().to(q.dtype), emb.sin().to(q.dtype)
    for x in (q, k):
        turned = rotate_half(x)  # a new tensor, computed before x is overwritten
        x.mul_(cos).add_(turned * sin)
    return q, k
