import math

import torch


class AdamW:
    """AdamW as in torch.optim.AdamW: bias-corrected moments, eps after the square root,
    decoupled weight decay, per-parameter state; parameters without a gradient are skipped."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        """params: an iterable of tensors (possibly a one-shot generator)."""
        raise NotImplementedError

    def step(self):
        """Update every parameter whose .grad is not None, in place."""
        raise NotImplementedError

    def zero_grad(self):
        """Set .grad to None for every parameter."""
        raise NotImplementedError
