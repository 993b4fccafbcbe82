# expect: passed
# Correct alternative: manual normalisation, einsum and log-sum-exp over rows and columns.
import torch


def clip_loss(image_embeds, text_embeds, logit_scale):
    img = image_embeds / image_embeds.norm(dim=1, keepdim=True)
    txt = text_embeds / text_embeds.norm(dim=1, keepdim=True)
    logits = torch.einsum("id,jd->ij", img, txt) * logit_scale
    diag = logits.diagonal()
    i2t = (torch.logsumexp(logits, dim=1) - diag).mean()
    t2i = (torch.logsumexp(logits, dim=0) - diag).mean()
    return 0.5 * (i2t + t2i)
