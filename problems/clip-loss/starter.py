import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    """Symmetric contrastive (InfoNCE) loss over a batch of matched (image, text) pairs.

    image_embeds: (N, D), text_embeds: (N, D); pair i is image i with text i.
    logit_scale: a float or a 0-dim tensor, the multiplier of the cosine similarities
    (already exponentiated). Returns a 0-dim tensor.
    """
    raise NotImplementedError
