# expect: forbidden_api no_padding_unit_stride
# Calls the library convolution the problem asks you to write.
import torch.nn.functional as F


def conv2d_im2col(x, weight, bias=None, stride=1, padding=0):
    return F.conv2d(x, weight, bias, stride, padding)
