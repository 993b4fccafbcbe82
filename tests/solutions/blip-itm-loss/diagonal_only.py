# expect: wrong_answer same_image_id_is_not_a_negative
# only the diagonal was excluded: pairs with the same image id are positives too (several captions of one image), never negatives
import torch
import torch.nn.functional as F


def itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids=None):
    n = sim.shape[0]
    masked = sim.detach().masked_fill(torch.eye(n, dtype=torch.bool), float('-inf'))
    neg_text = masked.argmax(dim=1)
    neg_image = masked.argmax(dim=0)
    images = torch.cat([image_embeds, image_embeds, image_embeds[neg_image]])
    texts = torch.cat([text_embeds, text_embeds[neg_text], text_embeds])
    logits = itm_head(fuse(images, texts))
    labels = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(2 * n, dtype=torch.long)])
    return F.cross_entropy(logits, labels), logits
