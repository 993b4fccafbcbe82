# expect: wrong_answer top_p_one_keeps_every_token
# Always runs the nucleus step, even at top_p = 1.0: once the float32 cumulative sum rounds to 1.0, the remaining tokens are dropped.
import torch


def top_k_top_p_filter(logits, top_k=0, top_p=1.0):
    if top_k < 0:
        raise ValueError(f"top_k must be >= 0, got {top_k}")
    if not 0.0 < top_p <= 1.0:
        raise ValueError(f"top_p must be in (0, 1], got {top_p}")
    out = logits.clone()
    if 0 < top_k < out.size(-1):
        kth = torch.topk(out, top_k, dim=-1).values[..., -1:]
        out = out.masked_fill(out < kth, float("-inf"))
    sorted_logits, order = torch.sort(out, dim=-1, descending=True)
    probs = torch.softmax(sorted_logits, dim=-1)
    remove = torch.cumsum(probs, dim=-1) - probs >= top_p
    remove[..., 0] = False
    return torch.empty_like(out).scatter(-1, order, sorted_logits.masked_fill(remove, float("-inf")))
