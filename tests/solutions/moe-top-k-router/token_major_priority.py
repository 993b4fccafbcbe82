# expect: wrong_answer slots_count_up_per_expert_without_drops
# Hands out slots token by token (both choices of token 0, then token 1, ...) instead of all first choices first.
import math

import torch


def route_tokens(logits, k, capacity_factor):
    num_tokens, num_experts = logits.shape
    probs = torch.softmax(logits, dim=-1)
    top_p, expert_index = probs.topk(k, dim=-1)
    weights = top_p / top_p.sum(dim=-1, keepdim=True)
    capacity = math.floor(capacity_factor * num_tokens * k / num_experts)
    slot = torch.full((num_tokens, k), -1, dtype=torch.long)
    filled = [0] * num_experts
    for t in range(num_tokens):
        for j in range(k):
            e = int(expert_index[t, j])
            if filled[e] < capacity:
                slot[t, j] = filled[e]
                filled[e] += 1
    combine_weights = torch.where(slot >= 0, weights, torch.zeros_like(weights))
    counts = torch.bincount(expert_index.reshape(-1), minlength=num_experts)
    fraction = counts.to(probs.dtype) / (num_tokens * k)
    aux_loss = num_experts * (fraction * probs.mean(dim=0)).sum()
    return expert_index, combine_weights, slot, aux_loss
