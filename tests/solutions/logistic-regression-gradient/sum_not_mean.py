# expect: wrong_answer loss_matches_autograd
# Sums over the examples instead of averaging.
import torch
import torch.nn.functional as F


def logistic_loss_and_grad(X, y, w, b, l2=0.0):
    z = X @ w + b
    loss = (y * F.softplus(-z) + (1 - y) * F.softplus(z)).sum() + 0.5 * l2 * (w * w).sum()
    r = torch.sigmoid(z) - y
    return loss, X.T @ r + l2 * w, r.sum()
