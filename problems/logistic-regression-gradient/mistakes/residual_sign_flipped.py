# mistake: the residual was y - sigmoid(z), the gradient of the log-likelihood: the loss's gradient is sigmoid(z) - y
import torch
import torch.nn.functional as F


def logistic_loss_and_grad(X, y, w, b, l2=0.0):
    z = X @ w + b
    loss = (y * F.softplus(-z) + (1 - y) * F.softplus(z)).mean() + 0.5 * l2 * (w * w).sum()
    r = y - torch.sigmoid(z)
    return loss, X.T @ r / X.shape[0] + l2 * w, r.mean()
