import torch
from torch import nn


class PatchEmbedding(nn.Module):
    """ViT input layer: image -> [CLS] + projected patches, plus position embeddings."""

    def __init__(self, image_size, patch_size, in_channels, d_model):
        """image_size: int (square) or a tuple (H, W); patch_size: int P.

        Create proj = nn.Linear(in_channels * P * P, d_model),
        cls_token = nn.Parameter of shape (1, 1, d_model),
        pos_embed = nn.Parameter of shape (1, 1 + num_patches, d_model).
        Raise ValueError if H or W is not a positive multiple of P.
        """
        super().__init__()
        raise NotImplementedError

    def forward(self, x):
        """x: (B, C, H, W) -> (B, 1 + (H // P) * (W // P), d_model).

        Patches in row-major order (left to right, then top to bottom); each patch
        flattened in (channel, row, column) order before the projection.
        """
        raise NotImplementedError
