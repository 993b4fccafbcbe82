# mistake: the embeddings were not L2-normalised: CLIP's logits are cosine similarities times the scale
import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    logits = logit_scale * image_embeds @ text_embeds.T
    labels = torch.arange(logits.size(0))
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2
