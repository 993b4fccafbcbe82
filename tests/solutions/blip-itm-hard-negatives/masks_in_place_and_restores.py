# expect: runtime_error sim_requiring_grad_is_accepted
# Masks the caller's sim in place and copies the values back afterwards: an in-place write into a leaf that requires grad raises.
import torch


def hard_negatives(sim, ids=None):
    n = sim.shape[0]
    if ids is None:
        ids = torch.arange(n, device=sim.device)
    positive = ids[:, None] == ids[None, :]
    original = sim.clone()
    sim.masked_fill_(positive, float("-inf"))
    neg_text = sim.argmax(dim=1)
    neg_image = sim.argmax(dim=0)
    sim.copy_(original)
    neg_text[positive.all(dim=1)] = -1
    neg_image[positive.all(dim=0)] = -1
    return neg_text, neg_image
