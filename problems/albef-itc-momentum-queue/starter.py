import torch
import torch.nn.functional as F
from torch import nn


class ITCMomentumQueue(nn.Module):
    """Image-text contrastive loss against a FIFO queue of momentum features (ALBEF / BLIP)."""

    def __init__(self, dim, queue_size, temperature):
        """Register buffers image_queue and text_queue, each (queue_size, dim), and a write
        pointer queue_ptr (an int or a one-element long tensor) starting at 0."""
        super().__init__()
        raise NotImplementedError

    def forward(self, image_feat, text_feat, image_feat_m, text_feat_m, alpha=0.0):
        """All features (N, dim), L2-normalised; *_m come from the momentum encoders.

        Candidates: cat([text_feat_m, text_queue]) for the images, cat([image_feat_m, image_queue])
        for the texts; logits = feat @ candidates.T / temperature; the positive of row i is column i.
        Targets = alpha * softmax(momentum logits) + (1 - alpha) * one-hot, without gradient.
        Returns the 0-dim loss (mean of both directions), then enqueues image_feat_m and
        text_feat_m at queue_ptr (wrapping around) and advances the pointer by N (mod queue_size).
        """
        raise NotImplementedError
