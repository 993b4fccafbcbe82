# expect: wrong_answer capacity_is_floor_of_factor_times_tokens_times_k_over_experts
# Rounds the capacity up (math.ceil) instead of down: one extra slot whenever capacity_factor * T * k / E is fractional.
import math

import torch


def route_tokens(logits, k, capacity_factor):
    T, E = logits.shape
    probs = logits.softmax(-1)
    top_p, expert_index = probs.topk(k, dim=-1)
    weights = top_p / top_p.sum(-1, keepdim=True)
    capacity = math.ceil(capacity_factor * T * k / E)
    slot = torch.full((T, k), -1, dtype=torch.long)
    used = torch.zeros(E, dtype=torch.long)
    for j in range(k):
        for t in range(T):
            e = expert_index[t, j]
            if used[e] < capacity:
                slot[t, j] = used[e]
                used[e] += 1
    combine = weights.masked_fill(slot < 0, 0.0)
    f = torch.bincount(expert_index.flatten(), minlength=E).to(probs.dtype) / (T * k)
    return expert_index, combine, slot, E * (f * probs.mean(0)).sum()
