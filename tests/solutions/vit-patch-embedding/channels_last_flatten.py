# expect: wrong_answer single_patch_flattened_channel_then_row_then_column
# Flattens each patch as (P, P, C), the channels-last order, instead of the pinned (C, P, P).
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
        patches = x.reshape(b, c, h // p, p, w // p, p).permute(0, 2, 4, 3, 5, 1)
        patches = patches.reshape(b, -1, p * p * c)
        tokens = torch.cat([self.cls_token.expand(b, -1, -1), self.proj(patches)], dim=1)
        return tokens + self.pos_embed
