# mistake: the labels were the last assignment before the final update: assign once more so the labels belong to the returned centroids
import torch


def kmeans(x, k, n_iters):
    c = x[:k].clone()
    labels = torch.cdist(x, c).argmin(1)
    for _ in range(n_iters):
        labels = ((x[:, None] - c[None]) ** 2).sum(-1).argmin(1)
        for j in range(k):
            if (labels == j).any():
                c[j] = x[labels == j].mean(0)
    return c, labels
