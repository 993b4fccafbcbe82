# mistake: the bias was penalised too: the L2 term is l2/2 * ||w||^2 on the weights only
import torch
import torch.nn.functional as F


def logistic_loss_and_grad(X, y, w, b, l2=0.0):
    z = X @ w + b
    loss = (y * F.softplus(-z) + (1 - y) * F.softplus(z)).mean() + 0.5 * l2 * ((w * w).sum() + b * b)
    r = torch.sigmoid(z) - y
    return loss, X.T @ r / X.shape[0] + l2 * w, r.mean() + l2 * b
