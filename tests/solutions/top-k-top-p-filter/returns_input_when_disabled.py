# expect: wrong_answer disabled_filters_nothing_and_returns_a_new_tensor
# Returns the caller's tensor itself when nothing is filtered (an early return), not a new tensor.
import torch


def top_k_top_p_filter(logits, top_k=0, top_p=1.0):
    if top_k < 0 or not (0 < top_p <= 1):
        raise ValueError("bad arguments")
    if top_k == 0 and top_p == 1.0:
        return logits
    out = logits
    if 0 < top_k < out.size(-1):
        kth = torch.topk(out, top_k, dim=-1).values[:, -1:]
        out = out.masked_fill(out < kth, float("-inf"))
    if top_p < 1.0:
        sorted_logits, order = torch.sort(out, dim=-1, descending=True)
        probs = torch.softmax(sorted_logits, dim=-1)
        remove = probs.cumsum(dim=-1) - probs >= top_p
        sorted_logits = sorted_logits.masked_fill(remove, float("-inf"))
        out = out.scatter(-1, order, sorted_logits)
    return out
