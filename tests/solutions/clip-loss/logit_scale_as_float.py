# expect: wrong_answer gradient_flows_to_logit_scale
# Converts logit_scale to a Python float "to accept both types": right values, no gradient to it.
import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    scale = float(logit_scale)
    img = F.normalize(image_embeds, dim=-1)
    txt = F.normalize(text_embeds, dim=-1)
    logits = scale * img @ txt.T
    labels = torch.arange(logits.size(0))
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2
