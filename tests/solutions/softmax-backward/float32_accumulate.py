# expect: wrong_answer keeps_float64
# Casts to float32 "for speed": float64 inputs come back float32.
import torch


def softmax_backward(y, grad_y, dim=-1):
    y32, g32 = y.float(), grad_y.float()
    return y32 * (g32 - (g32 * y32).sum(dim=dim, keepdim=True))
