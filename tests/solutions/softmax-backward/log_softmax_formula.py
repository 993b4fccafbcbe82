# expect: wrong_answer matches_autograd_last_axis
# Mixes in the log-softmax backward: subtracts sum(grad_y) instead of <grad_y, y>.
import torch


def softmax_backward(y, grad_y, dim=-1):
    return y * (grad_y - grad_y.sum(dim=dim, keepdim=True))
