# expect: forbidden_api symmetric_per_tensor
# Calls torch.quantize_per_tensor, which the problem forbids.
import torch


def quantize_int8(x, symmetric=True, axis=None):
    s = float(x.abs().max()) / 127
    qt = torch.quantize_per_tensor(x, s, 0, torch.qint8)
    return qt.int_repr(), torch.tensor(s), torch.tensor(0)
