# expect: wrong_answer x_not_modified
# Works on a copy of the points, but starts from the view x[:k] and updates it in place: the caller's first k points change.
import torch


def kmeans(x, k, n_iters):
    data = x.clone()
    c = x[:k]
    for _ in range(n_iters):
        labels = ((data[:, None] - c[None]) ** 2).sum(-1).argmin(1)
        for j in range(k):
            if (labels == j).any():
                c[j] = data[labels == j].mean(0)
    return c.clone(), ((data[:, None] - c[None]) ** 2).sum(-1).argmin(1)
