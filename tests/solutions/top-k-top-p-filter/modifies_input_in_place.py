# expect: wrong_answer input_is_not_modified
# Writes -inf into the caller's logits (in-place indexing) and returns the same tensor.
import torch


def top_k_top_p_filter(logits, top_k=0, top_p=1.0):
    if top_k < 0 or not (0 < top_p <= 1):
        raise ValueError("bad arguments")
    if 0 < top_k < logits.size(-1):
        kth = torch.topk(logits, top_k, dim=-1).values[:, -1:]
        logits[logits < kth] = float("-inf")
    if top_p < 1.0:
        sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
        probs = torch.softmax(sorted_logits, dim=-1)
        remove = probs.cumsum(dim=-1) - probs >= top_p
        remove = torch.zeros_like(remove).scatter(-1, order, remove)
        logits[remove] = float("-inf")
    return logits
