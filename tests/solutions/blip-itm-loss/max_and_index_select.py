# expect: passed
# Correct alternative: masks with the dtype minimum, picks the first maximum via max(), gathers with index_select.
import torch
import torch.nn.functional as F


def itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids=None):
    n = sim.size(0)
    if ids is None:
        same = torch.eye(n, dtype=torch.bool)
    else:
        same = ids.unsqueeze(0) == ids.unsqueeze(1)
    scores = torch.where(same, torch.full_like(sim, torch.finfo(sim.dtype).min), sim.detach())
    neg_text = scores.max(dim=1).indices
    neg_image = scores.t().max(dim=1).indices
    img = torch.cat([image_embeds, image_embeds.index_select(0, neg_image)])
    txt = torch.cat([text_embeds.index_select(0, neg_text), text_embeds])
    logits = torch.cat([itm_head(fuse(image_embeds, text_embeds)), itm_head(fuse(img, txt))])
    target = torch.zeros(3 * n, dtype=torch.long)
    target[:n] = 1
    return F.cross_entropy(logits, target), logits
