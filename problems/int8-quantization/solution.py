import torch


def quantize_int8(x, symmetric=True, axis=None):
    """Per-group statistics, then q = clamp(round(x / s) + z); all-zero groups get s = 1, z = 0."""
    if axis is None:
        flat = x.reshape(1, -1)  # one group
    else:
        flat = x.movedim(axis, 0).reshape(x.shape[axis], -1)  # one row per channel
    if symmetric:
        absmax = flat.abs().amax(dim=1)
        scale = torch.where(absmax > 0, absmax / 127, torch.ones_like(absmax))
        zero_point = torch.zeros_like(scale, dtype=torch.int64)
        qmin, qmax = -127, 127
    else:
        low = flat.amin(dim=1).clamp(max=0.0)  # widen the range to contain 0
        high = flat.amax(dim=1).clamp(min=0.0)
        scale = torch.where(high > low, (high - low) / 255, torch.ones_like(high))
        zero_point = torch.where(high > low, -128 - torch.round(low / scale), 0.0).to(torch.int64)
        qmin, qmax = -128, 127
    # Broadcast the per-group (s, z) back over x.
    shape = [1] * x.dim()
    if axis is not None:
        shape[axis] = x.shape[axis]
    s = scale.reshape(shape)
    z = zero_point.reshape(shape)
    q = torch.clamp(torch.round(x / s) + z, qmin, qmax).to(torch.int8)
    if axis is None:
        return q, scale.reshape(()), zero_point.reshape(())
    return q, scale, zero_point
