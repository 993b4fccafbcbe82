# expect: forbidden_api loss_matches_autograd
# Lets autograd compute the gradients.
import torch
import torch.nn.functional as F


def logistic_loss_and_grad(X, y, w, b, l2=0.0):
    w = w.detach().requires_grad_(True)
    b = b.detach().requires_grad_(True)
    z = X @ w + b
    loss = (y * F.softplus(-z) + (1 - y) * F.softplus(z)).mean() + 0.5 * l2 * (w * w).sum()
    gw, gb = torch.autograd.grad(loss, (w, b))
    return loss.detach(), gw, gb
