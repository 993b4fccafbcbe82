# expect: wrong_answer stable_for_large_logits
# Takes log(sigmoid(z)) and log(1 - sigmoid(z)) directly: -inf/nan once sigmoid saturates.
import torch


def logistic_loss_and_grad(X, y, w, b, l2=0.0):
    z = X @ w + b
    p = torch.sigmoid(z)
    loss = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean() + 0.5 * l2 * w.dot(w)
    r = p - y
    return loss, X.T @ r / len(y) + l2 * w, r.mean()
