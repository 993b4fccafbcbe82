# mistake: top-p used the probabilities of the original logits: apply top-k first, then renormalise
import torch


def top_k_top_p_filter(logits, top_k=0, top_p=1.0):
    if top_k < 0 or not (0 < top_p <= 1):
        raise ValueError("bad arguments")
    keep = torch.ones_like(logits, dtype=torch.bool)
    if 0 < top_k < logits.size(-1):
        kth = torch.topk(logits, top_k, dim=-1).values[:, -1:]
        keep &= logits >= kth
    if top_p < 1.0:
        probs = torch.softmax(logits, dim=-1)
        sorted_probs, order = probs.sort(dim=-1, descending=True)
        before = sorted_probs.cumsum(dim=-1) - sorted_probs
        keep_sorted = before < top_p
        keep &= torch.zeros_like(keep).scatter(-1, order, keep_sorted)
    return logits.masked_fill(~keep, float("-inf"))
