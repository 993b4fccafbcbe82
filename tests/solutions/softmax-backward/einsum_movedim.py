# expect: passed
# Correct alternative: move the softmax axis last, take the inner product with einsum, move it back.
import torch


def softmax_backward(y, grad_y, dim=-1):
    y_last = torch.movedim(y, dim, -1)
    g_last = torch.movedim(grad_y, dim, -1)
    dot = torch.einsum("...n,...n->...", y_last, g_last)
    gx = y_last * g_last - y_last * dot[..., None]
    return torch.movedim(gx, -1, dim)
