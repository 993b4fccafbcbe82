# expect: wrong_answer negative_text_is_hardest_other_text
# the positive itself was mined as the hardest negative: mask the positives (the diagonal, or equal ids) with -inf before the argmax
import torch
import torch.nn.functional as F


def itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids=None):
    n = sim.shape[0]
    neg_text = sim.detach().argmax(dim=1)
    neg_image = sim.detach().argmax(dim=0)
    images = torch.cat([image_embeds, image_embeds, image_embeds[neg_image]])
    texts = torch.cat([text_embeds, text_embeds[neg_text], text_embeds])
    logits = itm_head(fuse(images, texts))
    labels = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(2 * n, dtype=torch.long)])
    return F.cross_entropy(logits, labels), logits
