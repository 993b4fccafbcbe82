import torch
import torch.nn.functional as F


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def conv2d_im2col(x, weight, bias=None, stride=1, padding=0):
    """Unfold the receptive fields into columns, multiply by the flattened kernels, fold the grid back."""
    sh, sw = _pair(stride)
    ph, pw = _pair(padding)
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    # (N, C_in*kH*kW, L): one column per output position, rows ordered (c, u, v) like weight's.
    cols = F.unfold(x, (kh, kw), padding=(ph, pw), stride=(sh, sw))
    out = weight.reshape(c_out, -1) @ cols  # (N, C_out, L)
    if bias is not None:
        out = out + bias.reshape(1, c_out, 1)
    return out.reshape(n, c_out, h_out, w_out)
