import torch


def top_k_top_p_filter(logits, top_k=0, top_p=1.0):
    """Return a NEW tensor like logits (B, V) where filtered-out entries are -inf.

    top_k: keep the top_k largest logits per row (0 disables).
    top_p: then keep the smallest highest-probability set whose cumulative probability
    (softmax of what survived top-k) reaches top_p, the crossing token included (1.0 disables).
    """
    raise NotImplementedError
