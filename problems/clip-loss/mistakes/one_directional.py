# mistake: matches a one-directional InfoNCE: average the image->text and text->image cross-entropies
import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    img = F.normalize(image_embeds, dim=-1)
    txt = F.normalize(text_embeds, dim=-1)
    logits = logit_scale * img @ txt.T
    labels = torch.arange(logits.size(0))
    return F.cross_entropy(logits, labels)
