# expect: runtime_error loss_matches_reference
# Exponentiates logit_scale although it is already the multiplier (torch.exp of a float fails).
import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    img = F.normalize(image_embeds, dim=-1)
    txt = F.normalize(text_embeds, dim=-1)
    logits = torch.exp(logit_scale) * img @ txt.T
    labels = torch.arange(logits.size(0))
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2
