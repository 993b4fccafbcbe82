import torch
import torch.nn.functional as F
from torch import nn


class LlavaProjector(nn.Module):
    """LLaVA-1.5 vision-to-language projector (Linear, GELU, Linear) and image-token splicing."""

    def __init__(self, vision_dim, text_dim):
        """Create linear_1 = nn.Linear(vision_dim, text_dim), act = nn.GELU() (exact, erf),
        linear_2 = nn.Linear(text_dim, text_dim)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, image_features):
        """image_features: (..., vision_dim) -> (..., text_dim)."""
        raise NotImplementedError

    def merge(self, input_ids, inputs_embeds, image_features, image_token_id):
        """Replace every image_token_id in input_ids by the projected tokens of one image.

        input_ids: (B, L) long; inputs_embeds: (B, L, text_dim);
        image_features: (num_images, N_img, vision_dim), one image per placeholder,
        in order (row 0 left to right, then row 1, ...).
        Returns (embeds, attention_mask): (B, L_out, text_dim) and (B, L_out) bool, rows
        right-padded with zeros / False to the longest row.
        Raise ValueError if the number of placeholders differs from num_images.
        """
        raise NotImplementedError
