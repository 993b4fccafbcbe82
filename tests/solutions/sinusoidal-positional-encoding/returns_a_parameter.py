# expect: wrong_answer table_is_a_constant
# Wraps the table in nn.Parameter (as for learned position embeddings): it requires grad, so an optimiser would train it.
import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0):
    """Return the (seq_len, d_model) float32 table with sin in the even columns, cos in the odd ones."""
    if d_model <= 0 or d_model % 2 != 0:
        raise ValueError(f"d_model must be a positive even number, got {d_model}")
    if seq_len < 0:
        raise ValueError(f"seq_len must be >= 0, got {seq_len}")
    pos = torch.arange(seq_len, dtype=torch.float64).unsqueeze(1)  # (L, 1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)  # 0, 2, 4, ... : one frequency per pair
    angles = pos / base ** (two_i / d_model)  # (L, d_model / 2)
    pe = torch.zeros(seq_len, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angles)  # even columns
    pe[:, 1::2] = torch.cos(angles)  # odd columns, same frequency as the column before
    return torch.nn.Parameter(pe.float())  # a parameter, as for a learned table
