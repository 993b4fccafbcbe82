# expect: wrong_answer image_negative_uses_columns
# Takes the argmax over rows for the texts' negatives too, as if sim were symmetric.
import torch


def hard_negatives(sim, ids=None):
    n = sim.shape[0]
    if ids is None:
        ids = torch.arange(n)
    positive = ids[:, None] == ids[None, :]
    masked = sim.masked_fill(positive, float("-inf"))
    neg = masked.argmax(dim=1)
    neg[positive.all(dim=1)] = -1
    return neg, neg.clone()
