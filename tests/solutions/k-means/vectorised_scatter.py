# expect: passed
# Correct alternative: one-hot assignment matrix, sums by matmul, empty clusters kept by torch.where, early stop.
import torch


def kmeans(x, k, n_iters):
    c = x[:k].clone()
    sq = lambda c: ((x.unsqueeze(1) - c.unsqueeze(0)) ** 2).sum(dim=2)
    labels = sq(c).argmin(dim=1)
    for _ in range(n_iters):
        onehot = torch.nn.functional.one_hot(labels, k).to(x.dtype)  # (n, k)
        counts = onehot.sum(0)
        sums = onehot.T @ x
        new_c = torch.where(counts[:, None] > 0, sums / counts.clamp(min=1)[:, None], c)
        new_labels = sq(new_c).argmin(dim=1)
        c = new_c
        if torch.equal(new_labels, labels):
            labels = new_labels
            break
        labels = new_labels
    return c, labels
