# expect: passed
# Correct alternative: one encode_text call for all C * T prompts, F.normalize, and an einsum.
import torch
import torch.nn.functional as F


def zero_shot_logits(image_features, classnames, templates, encode_text, logit_scale):
    prompts = [t.format(c) for c in classnames for t in templates]
    text = encode_text(prompts).view(len(classnames), len(templates), -1)
    text = F.normalize(text, dim=-1)
    weights = F.normalize(text.sum(dim=1), dim=-1).to(image_features.dtype)
    image = F.normalize(image_features, dim=-1)
    scale = torch.minimum(logit_scale.exp(), torch.tensor(100.0, dtype=logit_scale.dtype))
    return torch.einsum("nd,cd->nc", image, weights) * scale, weights
