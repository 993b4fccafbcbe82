import torch
import torch.nn.functional as F


def clip_loss(image_embeds, text_embeds, logit_scale):
    """Symmetric contrastive (InfoNCE) loss over a batch of matched (image, text) pairs."""
    img = F.normalize(image_embeds, dim=-1)
    txt = F.normalize(text_embeds, dim=-1)
    logits = logit_scale * img @ txt.T  # (N, N): row i = image i against every text
    labels = torch.arange(logits.size(0), device=logits.device)
    image_to_text = F.cross_entropy(logits, labels)
    text_to_image = F.cross_entropy(logits.T, labels)
    return (image_to_text + text_to_image) / 2
