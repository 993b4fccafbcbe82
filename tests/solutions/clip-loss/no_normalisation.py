# expect: wrong_answer loss_matches_reference
# Raw dot products instead of cosine similarities: the embeddings are never L2-normalised.
import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    logits = logit_scale * image_embeds @ text_embeds.T
    labels = torch.arange(logits.size(0))
    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2
