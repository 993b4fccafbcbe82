import torch
from torch import nn


class BatchNorm1d(nn.Module):
    """Batch normalisation over the channel axis 1 of (N, C) or (N, C, L) inputs, with running
    statistics (PyTorch's momentum convention) used in eval mode."""

    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        """Parameters weight (ones) and bias (zeros); buffers running_mean (zeros) and
        running_var (ones); all of shape (num_features,)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x):
        """Training: batch statistics (biased variance) + running-stat update (unbiased variance).
        Eval: running statistics. Returns a tensor shaped like x."""
        raise NotImplementedError
