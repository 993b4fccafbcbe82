# expect: passed
# Correct alternative: kthvalue threshold, then the ascending-sort formulation (drop the low tail of mass <= 1 - top_p).
import torch


def top_k_top_p_filter(logits, top_k=0, top_p=1.0):
    if top_k < 0 or not (0 < top_p <= 1):
        raise ValueError("bad top_k / top_p")
    out = logits.clone()
    V = out.shape[-1]
    if top_k and top_k < V:
        # the (V - k + 1)-th smallest is the k-th largest
        kth, _ = torch.kthvalue(out, V - top_k + 1, dim=-1, keepdim=True)
        out[out < kth] = float("-inf")
    if top_p < 1:
        asc, order = out.sort(dim=-1)
        cum = asc.softmax(dim=-1).cumsum(dim=-1)
        drop = cum <= 1 - top_p          # the mass at or below this token leaves >= top_p above it
        drop[:, -1] = False
        asc[drop] = float("-inf")
        out = out.scatter(-1, order, asc)
    return out
