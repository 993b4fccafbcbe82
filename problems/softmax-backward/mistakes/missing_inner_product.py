# mistake: only the diagonal of the Jacobian was used (y * grad_y): subtract the inner product <grad_y, y> per slice, the -y y^T part of J
import torch


def softmax_backward(y, grad_y, dim=-1):
    return y * grad_y
