# expect: wrong_answer logits_are_not_modified
# Subtracts the row maximum from the logits in place "for stability": the values are right but the caller's logits change.
import math

import torch


def route_tokens(logits, k, capacity_factor):
    T, E = logits.shape
    with torch.no_grad():
        logits -= logits.max(dim=-1, keepdim=True).values
    probs = torch.softmax(logits, dim=-1)
    top_p, expert_index = probs.topk(k, dim=-1)
    weights = top_p / top_p.sum(dim=-1, keepdim=True)
    capacity = math.floor(capacity_factor * T * k / E)
    slot = torch.full((T, k), -1, dtype=torch.long)
    filled = [0] * E
    for j in range(k):
        for t in range(T):
            e = int(expert_index[t, j])
            if filled[e] < capacity:
                slot[t, j] = filled[e]
                filled[e] += 1
    combine = torch.where(slot >= 0, weights, torch.zeros_like(weights))
    f = torch.bincount(expert_index.reshape(-1), minlength=E).to(probs.dtype) / (T * k)
    return expert_index, combine, slot, E * (f * probs.mean(dim=0)).sum()
