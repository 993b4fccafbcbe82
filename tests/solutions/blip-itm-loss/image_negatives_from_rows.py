# expect: wrong_answer negative_image_uses_columns
# the negative image of text j was taken from row j of sim: sim[i, j] is image i with text j, so a text's candidates are the column sim[:, j]
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
    neg_image = masked.argmax(dim=1)
    images = torch.cat([image_embeds, image_embeds, image_embeds[neg_image]])
    texts = torch.cat([text_embeds, text_embeds[neg_text], text_embeds])
    logits = itm_head(fuse(images, texts))
    labels = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(2 * n, dtype=torch.long)])
    return F.cross_entropy(logits, labels), logits
