# expect: passed
# Correct alternative: loss as logaddexp(0, z) - y z, gradients with einsum and an explicit 1/n.
import torch


def logistic_loss_and_grad(X, y, w, b, l2=0.0):
    n = X.size(0)
    z = torch.einsum("nd,d->n", X, w) + b
    # -y log s(z) - (1-y) log(1 - s(z)) = log(1 + e^z) - y z
    nll = torch.logaddexp(torch.zeros_like(z), z) - y * z
    loss = nll.sum() / n + l2 / 2 * torch.dot(w, w)
    p = 1 / (1 + torch.exp(-z))
    err = p - y
    gw = torch.einsum("nd,n->d", X, err) / n + l2 * w
    gb = err.sum() / n
    return loss, gw, gb
