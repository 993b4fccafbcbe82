# mistake: k + 1 tokens survived top-k: the threshold is the k-th largest logit (index k - 1)
import torch


def top_k_top_p_filter(logits, top_k=0, top_p=1.0):
    if top_k < 0 or not (0 < top_p <= 1):
        raise ValueError("bad arguments")
    out = logits.clone()
    if 0 < top_k < out.size(-1):
        sorted_logits = torch.sort(out, dim=-1, descending=True).values
        threshold = sorted_logits[:, top_k].unsqueeze(-1)
        out = out.masked_fill(out < threshold, float("-inf"))
    if top_p < 1.0:
        sorted_logits, order = torch.sort(out, dim=-1, descending=True)
        probs = torch.softmax(sorted_logits, dim=-1)
        remove = probs.cumsum(dim=-1) - probs >= top_p
        sorted_logits = sorted_logits.masked_fill(remove, float("-inf"))
        out = out.scatter(-1, order, sorted_logits)
    return out
