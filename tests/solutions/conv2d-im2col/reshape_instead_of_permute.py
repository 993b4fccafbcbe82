# expect: wrong_answer no_padding_unit_stride
# Computes (N, L, C_out) = cols^T @ W^T, then reshapes to (N, C_out, H_out, W_out) without moving the channel axis.
import torch
import torch.nn.functional as F


def conv2d_im2col(x, weight, bias=None, stride=1, padding=0):
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    cols = F.unfold(x, (kh, kw), padding=(ph, pw), stride=(sh, sw))
    out = cols.transpose(1, 2) @ weight.reshape(c_out, -1).T  # (N, L, C_out)
    if bias is not None:
        out = out + bias
    return out.reshape(n, c_out, (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1)
