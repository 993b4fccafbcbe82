# expect: wrong_answer position_zero_row_alternates_zero_one
# Computes in float64 for accuracy and forgets to return float32.
import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0):
    if d_model <= 0 or d_model % 2:
        raise ValueError("d_model must be positive and even")
    if seq_len < 0:
        raise ValueError("seq_len must be >= 0")
    pos = torch.arange(seq_len, dtype=torch.float64)[:, None]
    freq = base ** (-torch.arange(0, d_model, 2, dtype=torch.float64) / d_model)
    pe = torch.zeros(seq_len, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(pos * freq)
    pe[:, 1::2] = torch.cos(pos * freq)
    return pe
