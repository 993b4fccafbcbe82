# expect: wrong_answer inputs_are_not_modified
# Masks the positives in sim itself (in place, under no_grad): the caller's similarities, still needed for the ITC loss, are overwritten.
import torch
import torch.nn.functional as F


def itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids=None):
    n = sim.shape[0]
    if ids is None:
        ids = torch.arange(n)
    with torch.no_grad():
        sim.masked_fill_(ids[:, None] == ids[None, :], float("-inf"))
        neg_text, neg_image = sim.argmax(dim=1), sim.argmax(dim=0)
    images = torch.cat([image_embeds, image_embeds, image_embeds[neg_image]])
    texts = torch.cat([text_embeds, text_embeds[neg_text], text_embeds])
    logits = itm_head(fuse(images, texts))
    labels = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(2 * n, dtype=torch.long)])
    return F.cross_entropy(logits, labels), logits
