# expect: wrong_answer per_channel_symmetric_rows
# Reduces over `axis` itself instead of over the other dims: one scale per column when asked per row.
import torch


def quantize_int8(x, symmetric=True, axis=None):
    if axis is None:
        a = x.abs().max()
        s = a / 127 if a > 0 else torch.tensor(1.0)
        q = torch.clamp(torch.round(x / s), -127, 127) if symmetric else None
        if symmetric:
            return q.to(torch.int8), s, torch.tensor(0)
        m, M = min(x.min(), 0.0), max(x.max(), 0.0)
        s = (M - m) / 255 if M > m else torch.tensor(1.0)
        z = (-128 - torch.round(m / s)).long()
        return torch.clamp(torch.round(x / s) + z, -128, 127).to(torch.int8), s, z
    ax = axis % x.dim()
    if symmetric:
        a = x.abs().amax(dim=ax, keepdim=True)
        s = torch.where(a > 0, a / 127, torch.ones_like(a))
        q = torch.clamp(torch.round(x / s), -127, 127).to(torch.int8)
        return q, s.flatten(), torch.zeros(s.numel(), dtype=torch.int64)
    m = x.amin(dim=ax, keepdim=True).clamp(max=0)
    M = x.amax(dim=ax, keepdim=True).clamp(min=0)
    s = torch.where(M > m, (M - m) / 255, torch.ones_like(M))
    z = (-128 - torch.round(m / s)).long()
    q = torch.clamp(torch.round(x / s) + z, -128, 127).to(torch.int8)
    return q, s.flatten(), z.flatten()
