# expect: wrong_answer matches_autograd_last_axis
# Uses only the diagonal of the Jacobian: y * grad_y.
import torch


def softmax_backward(y, grad_y, dim=-1):
    return y * grad_y
