# expect: wrong_answer l2_penalises_weights_only
# Differentiates l2 * ||w||^2 (gradient 2 * l2 * w) while the loss uses l2/2 * ||w||^2.
import torch
import torch.nn.functional as F


def logistic_loss_and_grad(X, y, w, b, l2=0.0):
    z = X @ w + b
    loss = (y * F.softplus(-z) + (1 - y) * F.softplus(z)).mean() + 0.5 * l2 * (w * w).sum()
    r = torch.sigmoid(z) - y
    return loss, X.T @ r / X.shape[0] + 2 * l2 * w, r.mean()
