# expect: wrong_answer empty_cluster_keeps_its_centroid
# Averages every cluster unconditionally: an empty cluster's mean is nan.
import torch


def kmeans(x, k, n_iters):
    c = x[:k].clone()
    for _ in range(n_iters):
        labels = ((x[:, None] - c[None]) ** 2).sum(-1).argmin(1)
        c = torch.stack([x[labels == j].mean(0) for j in range(k)])
    return c, ((x[:, None] - c[None]) ** 2).sum(-1).argmin(1)
