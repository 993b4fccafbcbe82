# expect: wrong_answer no_candidate_gives_minus_one
# Never handles a row with no candidate: argmax of an all -inf row returns 0, a positive.
import torch


def hard_negatives(sim, ids=None):
    n = sim.shape[0]
    if ids is None:
        ids = torch.arange(n)
    positive = ids[:, None] == ids[None, :]
    masked = sim.masked_fill(positive, float("-inf"))
    return masked.argmax(dim=1), masked.argmax(dim=0)
