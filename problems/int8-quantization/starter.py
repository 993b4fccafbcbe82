import torch


def quantize_int8(x, symmetric=True, axis=None):
    """Return (q int8, scale float32, zero_point int64) with x ~ (q - zero_point) * scale.

    symmetric: absmax, q in [-127, 127], zero_point 0. Else zero-point: range widened to contain 0,
    q in [-128, 127]. axis None: per tensor (0-dim scale / zero_point); else per channel along axis.
    """
    raise NotImplementedError
