# expect: wrong_answer gradients_reach_embeddings_and_head
# Detaches the embeddings gathered for the hard negatives: the values are right, but the negatives no longer train the encoders.
import torch
import torch.nn.functional as F


def itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids=None):
    n = sim.shape[0]
    if ids is None:
        ids = torch.arange(n)
    masked = sim.detach().masked_fill(ids[:, None] == ids[None, :], float("-inf"))
    neg_text, neg_image = masked.argmax(dim=1), masked.argmax(dim=0)
    images = torch.cat([image_embeds, image_embeds, image_embeds[neg_image].detach()])
    texts = torch.cat([text_embeds, text_embeds[neg_text].detach(), text_embeds])
    logits = itm_head(fuse(images, texts))
    labels = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(2 * n, dtype=torch.long)])
    return F.cross_entropy(logits, labels), logits
