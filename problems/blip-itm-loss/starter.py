import torch
import torch.nn.functional as F


def itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids=None):
    """Return (loss, logits): ITM cross-entropy over N positives and 2N mined hard negatives.

    Rows of logits: (image i, text i), then (image i, hardest other text of row i of sim), then
    (hardest other image of column j of sim, text j). Labels 1, 0, 0; mean over the 3N rows.
    """
    raise NotImplementedError
