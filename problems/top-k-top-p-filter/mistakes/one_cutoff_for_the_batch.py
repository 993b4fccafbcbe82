# mistake: one nucleus size was used for the whole batch: top-p is decided per row
import torch


def top_k_top_p_filter(logits, top_k=0, top_p=1.0):
    if top_k < 0 or not (0 < top_p <= 1):
        raise ValueError("bad arguments")
    out = logits.clone()
    if 0 < top_k < out.size(-1):
        kth = torch.topk(out, top_k, dim=-1).values[:, -1:]
        out = out.masked_fill(out < kth, float("-inf"))
    if top_p < 1.0:
        sorted_logits, order = torch.sort(out, dim=-1, descending=True)
        cum = torch.softmax(sorted_logits, dim=-1).cumsum(dim=-1)
        n_keep = int((cum < top_p).sum(dim=-1).max()) + 1
        sorted_logits[:, n_keep:] = float("-inf")
        out = out.scatter(-1, order, sorted_logits)
    return out
