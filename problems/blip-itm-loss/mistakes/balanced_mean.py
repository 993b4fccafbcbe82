# mistake: positives and negatives were averaged separately and weighted 1:1: the loss is the plain mean cross-entropy over all 3N rows (negatives weigh twice as much in total)
import torch
import torch.nn.functional as F


def itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids=None):
    n = sim.shape[0]
    if ids is None:
        ids = torch.arange(n)
    positive = ids[:, None] == ids[None, :]
    masked = sim.detach().masked_fill(positive, float("-inf"))
    neg_text = masked.argmax(dim=1)
    neg_image = masked.argmax(dim=0)
    images = torch.cat([image_embeds, image_embeds, image_embeds[neg_image]])
    texts = torch.cat([text_embeds, text_embeds[neg_text], text_embeds])
    logits = itm_head(fuse(images, texts))
    labels = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(2 * n, dtype=torch.long)])
    per_row = F.cross_entropy(logits, labels, reduction='none')
    return 0.5 * per_row[:n].mean() + 0.5 * per_row[n:].mean(), logits
