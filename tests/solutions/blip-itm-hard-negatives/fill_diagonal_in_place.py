# expect: wrong_answer sim_is_not_modified
# Masks the diagonal with fill_diagonal_ on the caller's tensor, destroying the positives' similarities.
import torch


def hard_negatives(sim, ids=None):
    n = sim.shape[0]
    if ids is not None:
        sim.masked_fill_(ids[:, None] == ids[None, :], float("-inf"))
    sim.fill_diagonal_(float("-inf"))
    neg_text = sim.argmax(dim=1)
    neg_image = sim.argmax(dim=0)
    neg_text[torch.isinf(sim).all(dim=1)] = -1
    neg_image[torch.isinf(sim).all(dim=0)] = -1
    return neg_text, neg_image
