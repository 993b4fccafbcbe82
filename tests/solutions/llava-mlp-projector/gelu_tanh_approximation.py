# expect: wrong_answer projector_mlp_matches_reference
# Uses the tanh approximation of GELU (GPT-2 style) instead of the exact erf GELU of nn.GELU().
import torch
import torch.nn.functional as F
from torch import nn


class LlavaProjector(nn.Module):
    def __init__(self, vision_dim, text_dim):
        super().__init__()
        self.linear_1 = nn.Linear(vision_dim, text_dim)
        self.act = nn.GELU(approximate="tanh")
        self.linear_2 = nn.Linear(text_dim, text_dim)

    def forward(self, image_features):
        return self.linear_2(self.act(self.linear_1(image_features)))

    def merge(self, input_ids, inputs_embeds, image_features, image_token_id):
        is_image = input_ids == image_token_id
        if int(is_image.sum()) != image_features.shape[0]:
            raise ValueError("placeholders and images do not match")
        tokens = self(image_features)
        rows, k = [], 0
        for b in range(input_ids.shape[0]):
            pieces, start = [], 0
            for pos in is_image[b].nonzero().flatten().tolist():
                pieces += [inputs_embeds[b, start:pos], tokens[k]]
                k += 1
                start = pos + 1
            pieces.append(inputs_embeds[b, start:])
            rows.append(torch.cat(pieces))
        length = max(len(r) for r in rows)
        embeds = torch.stack([F.pad(r, (0, 0, 0, length - len(r))) for r in rows])
        mask = torch.stack([torch.arange(length) < len(r) for r in rows])
        return embeds, mask
