# expect: passed
# Correct alternative: complex multiplication, with the first half as the real part and the second half as the imaginary part.
import torch


def apply_rotary_pos_emb(q, k, offset=0, base=10000.0):
    d = q.size(-1)
    if d % 2 == 1:
        raise ValueError(f"odd head dimension {d}")
    half = d // 2
    j = torch.arange(half, dtype=torch.float64)
    pos = torch.arange(q.size(-2), dtype=torch.float64) + offset
    theta = pos[:, None] * base ** (-2.0 * j / d)  # (L, D/2)
    rotor = torch.polar(torch.ones_like(theta), theta)  # e^{i theta}

    def rotate(x):
        z = torch.complex(x[..., :half].double(), x[..., half:].double()) * rotor
        return torch.cat([z.real, z.imag], dim=-1).to(x.dtype)

    return rotate(q), rotate(k)
