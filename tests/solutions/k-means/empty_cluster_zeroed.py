# expect: wrong_answer empty_cluster_keeps_its_centroid
# Vectorised update that divides by max(count, 1): an empty cluster collapses to the origin.
import torch


def kmeans(x, k, n_iters):
    c = x[:k].clone()
    for _ in range(n_iters):
        labels = ((x[:, None] - c[None]) ** 2).sum(-1).argmin(1)
        sums = torch.zeros_like(c).index_add_(0, labels, x)
        counts = torch.bincount(labels, minlength=k).clamp(min=1).to(x.dtype)
        c = sums / counts[:, None]
    return c, ((x[:, None] - c[None]) ** 2).sum(-1).argmin(1)
