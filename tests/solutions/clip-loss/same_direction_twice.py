# expect: wrong_answer loss_matches_reference
# Uses the transposed matrix for both terms: text->image counted twice, image->text never.
import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    img = F.normalize(image_embeds, dim=-1)
    txt = F.normalize(text_embeds, dim=-1)
    logits = logit_scale * txt @ img.T
    labels = torch.arange(logits.size(0))
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits, labels)) / 2
