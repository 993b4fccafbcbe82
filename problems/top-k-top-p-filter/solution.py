import torch


def top_k_top_p_filter(logits, top_k=0, top_p=1.0):
    """Return a new tensor: logits outside the top-k / top-p set become -inf, the rest unchanged."""
    if top_k < 0:
        raise ValueError(f"top_k must be >= 0, got {top_k}")
    if not 0.0 < top_p <= 1.0:
        raise ValueError(f"top_p must be in (0, 1], got {top_p}")
    out = logits.clone()
    vocab = out.size(-1)
    if 0 < top_k < vocab:
        kth = torch.topk(out, top_k, dim=-1).values[..., -1:]  # (B, 1): the k-th largest per row
        out = out.masked_fill(out < kth, float("-inf"))
    if top_p < 1.0:
        sorted_logits, order = torch.sort(out, dim=-1, descending=True)
        probs = torch.softmax(sorted_logits, dim=-1)  # renormalised over what survived top-k
        mass_before = torch.cumsum(probs, dim=-1) - probs
        remove = mass_before >= top_p  # already reached top_p without this token
        remove[..., 0] = False  # always keep the most likely token
        sorted_logits = sorted_logits.masked_fill(remove, float("-inf"))
        out = torch.empty_like(out).scatter(-1, order, sorted_logits)
    return out
