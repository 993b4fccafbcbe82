# mistake: the padding was applied to the wrong axes: F.pad's pairs start from the LAST axis, so (p_w, p_w, p_h, p_h) pads width then height
import torch
import torch.nn.functional as F


def conv2d_im2col(x, weight, bias=None, stride=1, padding=0):
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    xp = F.pad(x, (ph, ph, pw, pw))
    n, _, h, w = xp.shape
    c_out, _, kh, kw = weight.shape
    cols = F.unfold(xp, (kh, kw), stride=(sh, sw))
    out = weight.reshape(c_out, -1) @ cols
    if bias is not None:
        out = out + bias.reshape(1, c_out, 1)
    return out.reshape(n, c_out, (h - kh) // sh + 1, (w - kw) // sw + 1)
