import torch
import torch.nn.functional as F


def logistic_loss_and_grad(X, y, w, b, l2=0.0):
    """Stable BCE from softplus, gradient (sigmoid(z) - y) pushed back through z = X w + b."""
    n = X.shape[0]
    z = X @ w + b
    # -log sigmoid(z) = softplus(-z), -log(1 - sigmoid(z)) = softplus(z): finite for any z.
    data_loss = (y * F.softplus(-z) + (1 - y) * F.softplus(z)).mean()
    loss = data_loss + 0.5 * l2 * (w * w).sum()
    residual = torch.sigmoid(z) - y  # dL/dz * n
    grad_w = X.T @ residual / n + l2 * w
    grad_b = residual.mean()
    return loss, grad_w, grad_b
