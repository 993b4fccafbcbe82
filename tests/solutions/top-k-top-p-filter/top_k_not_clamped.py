# expect: runtime_error top_k_larger_than_vocab_filters_nothing
# Calls torch.topk(logits, top_k) without clamping: top_k > V raises instead of filtering nothing.
import torch


def top_k_top_p_filter(logits, top_k=0, top_p=1.0):
    if top_k < 0 or not (0 < top_p <= 1):
        raise ValueError("bad arguments")
    out = logits.clone()
    if top_k > 0:
        kth = torch.topk(out, top_k, dim=-1).values[:, -1:]
        out = out.masked_fill(out < kth, float("-inf"))
    if top_p < 1.0:
        sorted_logits, order = torch.sort(out, dim=-1, descending=True)
        probs = torch.softmax(sorted_logits, dim=-1)
        remove = probs.cumsum(dim=-1) - probs >= top_p
        sorted_logits = sorted_logits.masked_fill(remove, float("-inf"))
        out = out.scatter(-1, order, sorted_logits)
    return out
