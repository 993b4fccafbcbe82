# expect: wrong_answer soft_labels
# Picks the loss term with torch.where(y == 1, ...), which is wrong for soft labels.
import torch
import torch.nn.functional as F


def logistic_loss_and_grad(X, y, w, b, l2=0.0):
    z = X @ w + b
    per_example = torch.where(y == 1, F.softplus(-z), F.softplus(z))
    loss = per_example.mean() + 0.5 * l2 * (w * w).sum()
    r = torch.sigmoid(z) - y
    return loss, X.T @ r / X.shape[0] + l2 * w, r.mean()
