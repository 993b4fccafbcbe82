# expect: wrong_answer softmax_over_first_axis
# Sums over the last axis whatever dim says.
import torch


def softmax_backward(y, grad_y, dim=-1):
    inner = (grad_y * y).sum(dim=-1, keepdim=True)
    return y * (grad_y - inner)
