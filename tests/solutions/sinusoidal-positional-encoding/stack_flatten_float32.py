# expect: passed
# Correct alternative: exp/log frequencies in float32, interleaved with stack + flatten.
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0):
    if not isinstance(d_model, int) or d_model <= 0 or d_model % 2 == 1:
        raise ValueError(f"bad d_model {d_model}")
    if seq_len < 0:
        raise ValueError(f"bad seq_len {seq_len}")
    pos = torch.arange(seq_len, dtype=torch.float32)
    freq = torch.exp(-math.log(base) * torch.arange(0, d_model, 2, dtype=torch.float32) / d_model)
    angles = torch.outer(pos, freq)  # (L, d/2)
    return torch.stack([angles.sin(), angles.cos()], dim=-1).flatten(-2)  # (L, d/2, 2) -> (L, d)
