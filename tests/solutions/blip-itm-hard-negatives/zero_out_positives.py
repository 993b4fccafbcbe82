# expect: wrong_answer all_similarities_negative
# Removes the positives by multiplying with (1 - mask): a zeroed positive beats every negative similarity.
import torch


def hard_negatives(sim, ids=None):
    n = sim.shape[0]
    if ids is None:
        ids = torch.arange(n)
    positive = (ids[:, None] == ids[None, :]).float()
    masked = sim * (1 - positive)
    neg_text = masked.argmax(dim=1)
    neg_image = masked.argmax(dim=0)
    neg_text[positive.bool().all(dim=1)] = -1
    neg_image[positive.bool().all(dim=0)] = -1
    return neg_text, neg_image
