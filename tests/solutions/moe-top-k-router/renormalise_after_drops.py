# expect: wrong_answer first_choices_take_priority_over_second_choices
# Renormalises the surviving weights of a token again after the capacity drop, so a half-dropped token's weight becomes 1.
import math

import torch


def route_tokens(logits, k, capacity_factor):
    T, E = logits.shape
    probs = torch.softmax(logits, dim=-1)
    top_p, expert_index = probs.topk(k, dim=-1)
    capacity = math.floor(capacity_factor * T * k / E)
    slot = torch.full((T, k), -1, dtype=torch.long)
    filled = [0] * E
    for j in range(k):
        for t in range(T):
            e = int(expert_index[t, j])
            if filled[e] < capacity:
                slot[t, j] = filled[e]
                filled[e] += 1
    kept = top_p * (slot >= 0)
    combine = kept / kept.sum(dim=-1, keepdim=True).clamp_min(1e-9)
    f = torch.bincount(expert_index.reshape(-1), minlength=E).to(probs.dtype) / (T * k)
    return expert_index, combine, slot, E * (f * probs.mean(dim=0)).sum()
