# expect: passed
# Correct alternative: Tensor.unfold on both spatial axes, an einsum projection and pre-sized output.
import torch
import torch.nn as nn


class PatchEmbedding(nn.Module):
    def __init__(self, image_size, patch_size, in_channels, d_model):
        super().__init__()
        if isinstance(image_size, int):
            image_size = (image_size, image_size)
        h, w = image_size
        if not (patch_size > 0 and h > 0 and w > 0 and h % patch_size == 0 and w % patch_size == 0):
            raise ValueError(f"{image_size} is not a multiple of {patch_size}")
        self.patch_size = patch_size
        self.proj = nn.Linear(in_channels * patch_size * patch_size, d_model)
        self.cls_token = nn.Parameter(torch.randn(1, 1, d_model) * 0.02)
        self.pos_embed = nn.Parameter(torch.randn(1, (h // patch_size) * (w // patch_size) + 1, d_model) * 0.02)

    def forward(self, x):
        p = self.patch_size
        blocks = x.unfold(2, p, p).unfold(3, p, p)  # (B, C, gh, gw, P, P)
        blocks = torch.einsum("bcijrs->bijcrs", blocks).flatten(3).flatten(1, 2)  # (B, N, C*P*P)
        tokens = torch.einsum("bnk,dk->bnd", blocks, self.proj.weight) + self.proj.bias
        cls = self.cls_token + self.pos_embed[:, :1]
        return torch.cat([cls.expand(x.shape[0], 1, -1), tokens + self.pos_embed[:, 1:]], dim=1)
