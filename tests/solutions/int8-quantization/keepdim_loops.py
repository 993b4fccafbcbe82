# expect: passed
# Correct alternative: per-channel by a Python loop over the channels, each quantised as a whole tensor.
import torch


def _one(group, symmetric):
    if symmetric:
        a = group.abs().max()
        if a == 0:
            return torch.zeros_like(group, dtype=torch.int8), torch.tensor(1.0), torch.tensor(0)
        s = a / 127
        return torch.round(group / s).clamp(-127, 127).to(torch.int8), s, torch.tensor(0)
    lo = torch.minimum(group.min(), torch.tensor(0.0))
    hi = torch.maximum(group.max(), torch.tensor(0.0))
    if hi == lo:
        return torch.zeros_like(group, dtype=torch.int8), torch.tensor(1.0), torch.tensor(0)
    s = (hi - lo) / 255
    z = (-128 - torch.round(lo / s)).to(torch.int64)
    return (torch.round(group / s) + z).clamp(-128, 127).to(torch.int8), s, z


def quantize_int8(x, symmetric=True, axis=None):
    if axis is None:
        q, s, z = _one(x, symmetric)
        return q, s.float().reshape(()), z.reshape(())
    parts = [_one(g, symmetric) for g in x.unbind(axis)]
    q = torch.stack([p[0] for p in parts], dim=axis % x.dim())
    scale = torch.stack([p[1].float() for p in parts])
    zero = torch.stack([p[2].to(torch.int64) for p in parts])
    return q, scale, zero
