# expect: forbidden_api matches_autograd_last_axis
# Recomputes the softmax from log(y) and asks autograd for the gradient.
import torch


def softmax_backward(y, grad_y, dim=-1):
    x = y.log().detach().requires_grad_(True)
    (gx,) = torch.autograd.grad(torch.softmax(x, dim=dim), x, grad_y)
    return gx
