import torch


def kmeans(x: torch.Tensor, k: int, n_iters: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Lloyd's k-means: init x[:k], n_iters assign/update steps; return (centroids (k, d), labels (n,) int64).

    Ties go to the lowest centroid index; an empty cluster keeps its previous centroid.
    The labels are the assignment to the returned centroids.
    """
    raise NotImplementedError
