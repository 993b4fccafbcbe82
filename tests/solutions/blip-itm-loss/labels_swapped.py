# expect: wrong_answer loss_labels_and_mean
# the positives were labelled 0 and the negatives 1: column 1 of the ITM head is 'match', so the N positives get label 1
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
    labels = torch.cat([torch.zeros(n, dtype=torch.long), torch.ones(2 * n, dtype=torch.long)])
    return F.cross_entropy(logits, labels), logits
