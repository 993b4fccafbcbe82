# mistake: ties went to the highest centroid index: a point at equal distance goes to the lowest index (argmin's first minimum)
import torch


def kmeans(x, k, n_iters):
    def assign(c):
        d = ((x[:, None] - c[None]) ** 2).sum(-1)
        return (k - 1) - d.flip(1).argmin(1)

    c = x[:k].clone()
    for _ in range(n_iters):
        labels = assign(c)
        for j in range(k):
            if (labels == j).any():
                c[j] = x[labels == j].mean(0)
    return c, assign(c)
