# expect: wrong_answer loss_matches_reference
# Exponentiates logit_scale a second time (math.exp handles floats and 0-dim tensors alike).
import math

import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    img = F.normalize(image_embeds, dim=-1)
    txt = F.normalize(text_embeds, dim=-1)
    logits = math.exp(logit_scale) * img @ txt.T
    labels = torch.arange(logits.size(0))
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2
