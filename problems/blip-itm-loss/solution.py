import torch
import torch.nn.functional as F


def itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids=None):
    """Return (loss, logits): the ITM head on N positives and 2N hard negatives, mean cross-entropy."""
    n = sim.shape[0]
    with torch.no_grad():  # mining is a selection: no gradient into sim
        if ids is None:
            ids = torch.arange(n, device=sim.device)
        positive = ids[:, None] == ids[None, :]  # same image: never a negative
        masked = sim.masked_fill(positive, float("-inf"))  # a new tensor: sim is untouched
        neg_text = masked.argmax(dim=1)  # for each image (row), the first maximum
        neg_image = masked.argmax(dim=0)  # for each text (column)

    images = torch.cat([image_embeds, image_embeds, image_embeds[neg_image]])
    texts = torch.cat([text_embeds, text_embeds[neg_text], text_embeds])
    logits = itm_head(fuse(images, texts))  # (3N, 2)
    labels = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(2 * n, dtype=torch.long)])
    return F.cross_entropy(logits, labels.to(logits.device)), logits
