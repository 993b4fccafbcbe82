# expect: wrong_answer negative_image_uses_columns
# Mines only a negative text per image (N negatives) and forgets the negative image per text: 2N rows, not 3N.
import torch
import torch.nn.functional as F


def itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids=None):
    n = sim.shape[0]
    if ids is None:
        ids = torch.arange(n)
    masked = sim.detach().masked_fill(ids[:, None] == ids[None, :], float("-inf"))
    neg_text = masked.argmax(dim=1)
    images = torch.cat([image_embeds, image_embeds])
    texts = torch.cat([text_embeds, text_embeds[neg_text]])
    logits = itm_head(fuse(images, texts))
    labels = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(n, dtype=torch.long)])
    return F.cross_entropy(logits, labels), logits
