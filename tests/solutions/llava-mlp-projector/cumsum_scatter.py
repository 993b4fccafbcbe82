# expect: passed
# Correct alternative: vectorised splice; new positions from a cumulative sum, text scattered, images fill the rest.
import torch
from torch import nn


class LlavaProjector(nn.Module):
    def __init__(self, vision_dim, text_dim):
        super().__init__()
        self.linear_1 = nn.Linear(vision_dim, text_dim)
        self.act = nn.GELU()
        self.linear_2 = nn.Linear(text_dim, text_dim)

    def forward(self, image_features):
        h = self.linear_1(image_features)
        h = 0.5 * h * (1.0 + torch.erf(h / 2**0.5))
        return self.linear_2(h)

    def merge(self, input_ids, inputs_embeds, image_features, image_token_id):
        is_image = input_ids == image_token_id
        num_images, n_img, _ = image_features.shape
        if int(is_image.sum()) != num_images:
            raise ValueError(f"{int(is_image.sum())} placeholders, {num_images} images")
        tokens = self(image_features).reshape(num_images * n_img, -1)
        b, _, d = inputs_embeds.shape
        width = torch.where(is_image, n_img, 1)  # how many output slots each input token takes
        end = width.cumsum(dim=1)  # exclusive end of each token's slots
        lengths = end[:, -1]
        out_len = int(lengths.max())
        embeds = inputs_embeds.new_zeros(b, out_len, d)
        text_rows, text_cols = (~is_image).nonzero(as_tuple=True)
        text_pos = end[text_rows, text_cols] - 1
        embeds = embeds.index_put((text_rows, text_pos), inputs_embeds[text_rows, text_cols])
        mask = torch.arange(out_len).unsqueeze(0) < lengths.unsqueeze(1)
        slot_is_image = mask.clone()
        slot_is_image[text_rows, text_pos] = False
        img_rows, img_pos = slot_is_image.nonzero(as_tuple=True)  # row-major = reading order
        embeds = embeds.index_put((img_rows, img_pos), tokens)
        return embeds, mask
