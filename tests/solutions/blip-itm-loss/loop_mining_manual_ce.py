# expect: passed
# Correct alternative: mines with Python loops (strict > keeps the lowest index), three fuse calls, log-softmax by hand.
import torch


def itm_loss(image_embeds, text_embeds, sim, fuse, itm_head, ids=None):
    n = sim.shape[0]
    key = list(range(n)) if ids is None else ids.tolist()
    s = sim.detach().tolist()
    neg_text, neg_image = [], []
    for a in range(n):
        best_t = best_i = None
        for b in range(n):
            if key[b] != key[a] and (best_t is None or s[a][b] > s[a][best_t]):
                best_t = b
            if key[b] != key[a] and (best_i is None or s[b][a] > s[best_i][a]):
                best_i = b
        neg_text.append(best_t)
        neg_image.append(best_i)
    pos = itm_head(fuse(image_embeds, text_embeds))
    neg_t = itm_head(fuse(image_embeds, text_embeds[torch.tensor(neg_text)]))
    neg_i = itm_head(fuse(image_embeds[torch.tensor(neg_image)], text_embeds))
    logits = torch.cat([pos, neg_t, neg_i])
    logp = logits - logits.exp().sum(dim=1, keepdim=True).log()
    nll = torch.cat([-logp[:n, 1], -logp[n:, 0]])
    return nll.mean(), logits
