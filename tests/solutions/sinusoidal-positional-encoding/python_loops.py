# expect: passed
# Correct alternative: the formula cell by cell with the math module.
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0):
    if d_model <= 0 or d_model % 2:
        raise ValueError("d_model must be a positive even number")
    if seq_len < 0:
        raise ValueError("seq_len must be non-negative")
    rows = []
    for pos in range(seq_len):
        row = []
        for two_i in range(0, d_model, 2):
            angle = pos / base ** (two_i / d_model)
            row += [math.sin(angle), math.cos(angle)]
        rows.append(row)
    return torch.tensor(rows, dtype=torch.float32).reshape(seq_len, d_model)
