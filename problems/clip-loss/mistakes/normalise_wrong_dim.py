# mistake: the embeddings were normalised over the batch axis: normalise each embedding (dim=-1)
import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    img = F.normalize(image_embeds, dim=0)
    txt = F.normalize(text_embeds, dim=0)
    logits = logit_scale * img @ txt.T
    labels = torch.arange(logits.size(0))
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2
