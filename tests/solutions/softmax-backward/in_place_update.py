# expect: wrong_answer inputs_not_modified
# Saves memory by writing the result into grad_y: the caller's upstream gradient changes.
import torch


def softmax_backward(y, grad_y, dim=-1):
    inner = (grad_y * y).sum(dim=dim, keepdim=True)
    return grad_y.sub_(inner).mul_(y)
