# expect: passed
# Correct alternative: pad with F.pad, gather patches with Tensor.unfold on each axis, contract with einsum.
import torch
import torch.nn.functional as F


def conv2d_im2col(x, weight, bias=None, stride=1, padding=0):
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    kh, kw = weight.shape[-2:]
    xp = F.pad(x, (pw, pw, ph, ph))  # (left, right) of W, then (top, bottom) of H
    patches = xp.unfold(2, kh, sh).unfold(3, kw, sw)  # (N, C, H_out, W_out, kH, kW)
    out = torch.einsum("nchwuv,ocuv->nohw", patches, weight)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out
