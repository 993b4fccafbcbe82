# mistake: subtracted sum(grad_y), the log-softmax backward's term: softmax's backward subtracts the y-weighted sum <grad_y, y>
import torch


def softmax_backward(y, grad_y, dim=-1):
    return y * (grad_y - grad_y.sum(dim=dim, keepdim=True))
