import math

import torch


def route_tokens(logits, k, capacity_factor):
    """Top-k routing with renormalised weights, expert capacity, and the load-balancing loss."""
    num_tokens, num_experts = logits.shape
    probs = torch.softmax(logits, dim=-1)  # (T, E), over all experts
    top_p, expert_index = probs.topk(k, dim=-1)  # (T, k), best expert first
    weights = top_p / top_p.sum(dim=-1, keepdim=True)  # renormalised over the k chosen

    capacity = math.floor(capacity_factor * num_tokens * k / num_experts)
    slot = torch.full((num_tokens, k), -1, dtype=torch.long)
    filled = [0] * num_experts
    for j in range(k):  # every token's first choice, then every token's second choice, ...
        for t in range(num_tokens):
            e = int(expert_index[t, j])
            if filled[e] < capacity:
                slot[t, j] = filled[e]
                filled[e] += 1
    combine_weights = torch.where(slot >= 0, weights, torch.zeros_like(weights))

    # Switch/GShard auxiliary loss: E * sum_i f_i * P_i, f from the choices before any drop.
    counts = torch.bincount(expert_index.reshape(-1), minlength=num_experts)
    fraction = counts.to(probs.dtype) / (num_tokens * k)
    mean_prob = probs.mean(dim=0)
    aux_loss = num_experts * (fraction * mean_prob).sum()
    return expert_index, combine_weights, slot, aux_loss
