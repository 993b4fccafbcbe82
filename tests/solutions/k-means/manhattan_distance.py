# expect: wrong_answer zero_iterations_returns_init
# Assigns by L1 (Manhattan) distance instead of squared Euclidean.
import torch


def kmeans(x, k, n_iters):
    c = x[:k].clone()
    for _ in range(n_iters):
        labels = (x[:, None] - c[None]).abs().sum(-1).argmin(1)
        for j in range(k):
            if (labels == j).any():
                c[j] = x[labels == j].mean(0)
    return c, (x[:, None] - c[None]).abs().sum(-1).argmin(1)
