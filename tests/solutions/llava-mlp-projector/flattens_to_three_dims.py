# expect: runtime_error projector_accepts_any_leading_dims
# Assumes (num_images, N_img, vision_dim) and reshapes to 2-D and back: any other number of leading dims fails.
import torch
import torch.nn.functional as F
from torch import nn


class LlavaProjector(nn.Module):
    """LLaVA-1.5 vision-to-language projector (Linear, GELU, Linear) and image-token splicing."""

    def __init__(self, vision_dim, text_dim):
        super().__init__()
        self.linear_1 = nn.Linear(vision_dim, text_dim)
        self.act = nn.GELU()
        self.linear_2 = nn.Linear(text_dim, text_dim)

    def forward(self, image_features):
        n, p, d = image_features.shape
        x = image_features.reshape(n * p, d)
        return self.linear_2(self.act(self.linear_1(x))).reshape(n, p, -1)

    def merge(self, input_ids, inputs_embeds, image_features, image_token_id):
        is_image = input_ids == image_token_id  # (B, L)
        num_placeholders = int(is_image.sum())
        if num_placeholders != image_features.shape[0]:
            raise ValueError(f"{num_placeholders} <image> placeholders but {image_features.shape[0]} images")
        image_tokens = self(image_features)  # (num_images, N_img, text_dim)
        rows, next_image = [], 0
        for b in range(input_ids.shape[0]):
            pieces, start = [], 0
            for pos in is_image[b].nonzero().flatten().tolist():
                pieces.append(inputs_embeds[b, start:pos])  # text before the placeholder
                pieces.append(image_tokens[next_image])  # the image replaces the placeholder
                next_image += 1
                start = pos + 1
            pieces.append(inputs_embeds[b, start:])
            rows.append(torch.cat(pieces, dim=0))
        length = max(row.shape[0] for row in rows)
        embeds = torch.stack([F.pad(row, (0, 0, 0, length - row.shape[0])) for row in rows])
        mask = torch.zeros(len(rows), length, dtype=torch.bool, device=inputs_embeds.device)
        for b, row in enumerate(rows):
            mask[b, : row.shape[0]] = True
        return embeds, mask
