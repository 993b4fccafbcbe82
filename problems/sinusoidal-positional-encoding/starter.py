import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model, base=10000.0):
    """Return the (seq_len, d_model) float32 table with sin in the even columns, cos in the odd ones.

    pe[pos, 2i]     = sin(pos / base ** (2i / d_model))
    pe[pos, 2i + 1] = cos(pos / base ** (2i / d_model))

    Raise ValueError if d_model is odd or not positive, or if seq_len < 0.
    """
    raise NotImplementedError
