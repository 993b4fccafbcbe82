import torch


def assign(x: torch.Tensor, centroids: torch.Tensor) -> torch.Tensor:
    """Index of the nearest centroid of every point (squared Euclidean; argmin takes the first on ties)."""
    dist = ((x[:, None, :] - centroids[None, :, :]) ** 2).sum(dim=-1)  # (n, k)
    return dist.argmin(dim=1)


def kmeans(x: torch.Tensor, k: int, n_iters: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Lloyd's algorithm from the first k points; empty clusters keep their centroid."""
    centroids = x[:k].clone()  # clone: x[:k] is a view, updating it would write into x
    for _ in range(n_iters):
        labels = assign(x, centroids)
        for j in range(k):
            members = x[labels == j]
            if members.shape[0] > 0:
                centroids[j] = members.mean(dim=0)
    return centroids, assign(x, centroids)
