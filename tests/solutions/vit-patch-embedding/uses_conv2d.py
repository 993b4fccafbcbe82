# expect: forbidden_api cls_token_first_with_position_0
# Uses the strided convolution the problem forbids instead of writing the patching.
import torch
from torch import nn


class PatchEmbedding(nn.Module):
    def __init__(self, image_size, patch_size, in_channels, d_model):
        super().__init__()
        h, w = (image_size, image_size) if isinstance(image_size, int) else image_size
        if h % patch_size or w % patch_size:
            raise ValueError("image size must be divisible by the patch size")
        self.conv = nn.Conv2d(in_channels, d_model, patch_size, stride=patch_size)
        self.proj = nn.Linear(in_channels * patch_size**2, d_model)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, d_model))
        self.pos_embed = nn.Parameter(torch.zeros(1, 1 + (h // patch_size) * (w // patch_size), d_model))

    def forward(self, x):
        tokens = self.conv(x).flatten(2).transpose(1, 2)
        return torch.cat([self.cls_token.expand(x.size(0), -1, -1), tokens], dim=1) + self.pos_embed
