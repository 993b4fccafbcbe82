# expect: wrong_answer labels_are_for_final_centroids
# Returns the assignment made before the last update, not one to the returned centroids.
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
