# expect: wrong_answer invalid_d_model_raises_value_error
# The PyTorch-tutorial table: silently accepts an odd d_model instead of raising ValueError.
import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0):
    pos = torch.arange(seq_len, dtype=torch.float32).unsqueeze(1)
    div = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float32) * (-math.log(base) / d_model))
    pe = torch.zeros(max(seq_len, 0), max(d_model, 0))
    pe[:, 0::2] = torch.sin(pos * div)
    pe[:, 1::2] = torch.cos(pos * div)[:, : d_model // 2]
    return pe
