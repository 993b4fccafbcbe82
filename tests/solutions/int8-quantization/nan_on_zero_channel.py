# expect: wrong_answer all_zero_group_gets_unit_scale
# No special case for an all-zero group: the scale is 0 and x / s is nan.
import torch


def quantize_int8(x, symmetric=True, axis=None):
    flat = x.reshape(1, -1) if axis is None else x.movedim(axis, 0).reshape(x.shape[axis], -1)
    shape = [1] * x.dim()
    if axis is not None:
        shape[axis] = x.shape[axis]
    if symmetric:
        s = flat.abs().amax(1) / 127
        z = torch.zeros_like(s, dtype=torch.int64)
        lo, hi = -127, 127
    else:
        m, M = flat.amin(1).clamp(max=0), flat.amax(1).clamp(min=0)
        s = (M - m) / 255
        z = (-128 - torch.round(m / s)).nan_to_num(0).long()
        lo, hi = -128, 127
    q = torch.clamp(torch.round(x / s.reshape(shape)) + z.reshape(shape), lo, hi).nan_to_num(0).to(torch.int8)
    return (q, s.reshape(()), z.reshape(())) if axis is None else (q, s, z)
