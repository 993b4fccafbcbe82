# expect: wrong_answer non_square_image_h_differs_from_w
# Splits the image as (B, C, W/P, P, H/P, P): identical for square images, scrambled when H != W.
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
        patches = x.reshape(b, c, w // p, p, h // p, p).permute(0, 2, 4, 1, 3, 5)
        tokens = self.proj(patches.reshape(b, -1, c * p * p))
        return torch.cat([self.cls_token.expand(b, -1, -1), tokens], dim=1) + self.pos_embed
