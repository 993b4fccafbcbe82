# expect: wrong_answer patches_in_row_major_order
# Orders the grid column by column (permute puts the grid-column axis before the grid-row axis).
import torch
from torch import nn


class PatchEmbedding(nn.Module):
    def __init__(self, image_size, patch_size, in_channels, d_model):
        super().__init__()
        h, w = (image_size, image_size) if isinstance(image_size, int) else image_size
        if h % patch_size or w % patch_size:
            raise ValueError("image size must be divisible by the patch size")
        self.p = patch_size
        self.proj = nn.Linear(in_channels * patch_size**2, d_model)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, d_model))
        self.pos_embed = nn.Parameter(torch.zeros(1, 1 + (h // patch_size) * (w // patch_size), d_model))

    def forward(self, x):
        b, c, h, w = x.shape
        p = self.p
        patches = x.reshape(b, c, h // p, p, w // p, p).permute(0, 4, 2, 1, 3, 5)
        patches = patches.reshape(b, -1, c * p * p)
        tokens = torch.cat([self.cls_token.expand(b, -1, -1), self.proj(patches)], dim=1)
        return tokens + self.pos_embed
