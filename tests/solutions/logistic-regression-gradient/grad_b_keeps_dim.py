# expect: wrong_answer grad_b_matches_autograd
# Returns the bias gradient as a (1,) tensor: keepdim where a 0-dimensional tensor is expected.
import torch
import torch.nn.functional as F


def logistic_loss_and_grad(X, y, w, b, l2=0.0):
    z = X @ w + b
    loss = (y * F.softplus(-z) + (1 - y) * F.softplus(z)).mean() + 0.5 * l2 * (w * w).sum()
    r = torch.sigmoid(z) - y
    return loss, X.T @ r / X.shape[0] + l2 * w, r.mean(dim=0, keepdim=True)
