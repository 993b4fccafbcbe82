# expect: wrong_answer position_zero_row_alternates_zero_one
# Concatenates all the sines then all the cosines instead of interleaving them column by column.
import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0):
    if d_model <= 0 or d_model % 2:
        raise ValueError("d_model must be positive and even")
    if seq_len < 0:
        raise ValueError("seq_len must be >= 0")
    pos = torch.arange(seq_len, dtype=torch.float32)[:, None]
    freq = 1.0 / base ** (torch.arange(0, d_model, 2, dtype=torch.float32) / d_model)
    angles = pos * freq
    return torch.cat([torch.sin(angles), torch.cos(angles)], dim=-1)
