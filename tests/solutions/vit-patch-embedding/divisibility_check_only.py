# expect: wrong_answer non_positive_sizes_raise_value_error
# Checks only that P divides H and W: P = 0 raises ZeroDivisionError, and a negative P or a zero side is accepted.
import torch
from torch import nn


class PatchEmbedding(nn.Module):
    """ViT input layer: image -> [CLS] + projected patches, plus position embeddings."""

    def __init__(self, image_size, patch_size, in_channels, d_model):
        super().__init__()
        height, width = (image_size, image_size) if isinstance(image_size, int) else tuple(image_size)
        p = patch_size
        if height % p or width % p:
            raise ValueError(f"image size {(height, width)} is not a positive multiple of patch_size={p}")
        self.image_size = (height, width)
        self.patch_size = p
        self.grid = (height // p, width // p)  # patches per column, per row
        self.num_patches = self.grid[0] * self.grid[1]
        self.proj = nn.Linear(in_channels * p * p, d_model)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, d_model))
        self.pos_embed = nn.Parameter(torch.randn(1, 1 + self.num_patches, d_model) * 0.02)

    def forward(self, x):
        b, c, h, w = x.shape
        p = self.patch_size
        gh, gw = h // p, w // p
        # (B, C, gh, P, gw, P) -> (B, gh, gw, C, P, P): grid position first, pixels of a patch last.
        patches = x.reshape(b, c, gh, p, gw, p).permute(0, 2, 4, 1, 3, 5)
        patches = patches.reshape(b, gh * gw, c * p * p)  # row-major over the grid
        tokens = self.proj(patches)  # (B, N, D)
        cls = self.cls_token.expand(b, -1, -1)  # (B, 1, D)
        tokens = torch.cat([cls, tokens], dim=1)  # (B, 1 + N, D)
        return tokens + self.pos_embed
