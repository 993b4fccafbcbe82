# mistake: the cross-entropies were summed: average them over the batch
import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    img = F.normalize(image_embeds, dim=-1)
    txt = F.normalize(text_embeds, dim=-1)
    logits = logit_scale * img @ txt.T
    labels = torch.arange(logits.size(0))
    i2t = F.cross_entropy(logits, labels, reduction="sum")
    t2i = F.cross_entropy(logits.T, labels, reduction="sum")
    return (i2t + t2i) / 2
