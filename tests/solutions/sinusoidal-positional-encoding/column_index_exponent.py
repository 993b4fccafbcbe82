# expect: wrong_answer table_matches_reference
# Gives every column its own frequency base ** (j / d_model), so a cosine does not share its sine's frequency.
import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0):
    if d_model <= 0 or d_model % 2:
        raise ValueError("d_model must be positive and even")
    if seq_len < 0:
        raise ValueError("seq_len must be >= 0")
    pos = torch.arange(seq_len, dtype=torch.float32)[:, None]
    j = torch.arange(d_model, dtype=torch.float32)
    angles = pos / base ** (j / d_model)
    pe = torch.where(j.long() % 2 == 0, torch.sin(angles), torch.cos(angles))
    return pe
