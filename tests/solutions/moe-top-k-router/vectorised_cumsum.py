# expect: passed
# Correct alternative: top-k on the logits with a softmax over the k (the same renormalised weights), slots by a cumsum over choice-major one-hots.
import torch
import torch.nn.functional as F


def route_tokens(logits, k, capacity_factor):
    T, E = logits.shape
    top_logits, expert_index = logits.topk(k, dim=-1)
    weights = torch.softmax(top_logits, dim=-1)  # exp(l_j) / sum over the k chosen = renormalised probs
    capacity = int(capacity_factor * T * k / E)  # int() truncates: floor for a positive number

    choice_major = F.one_hot(expert_index.t().reshape(-1), E)  # (k*T, E): first choices of all tokens first
    position = ((choice_major.cumsum(dim=0) - 1) * choice_major).sum(dim=-1)  # slot within its expert
    position = position.reshape(k, T).t()
    slot = torch.where(position < capacity, position, torch.full_like(position, -1))

    probs = torch.softmax(logits, dim=-1)
    load = choice_major.sum(dim=0).to(logits.dtype) / (T * k)
    aux_loss = E * torch.dot(load, probs.mean(dim=0))
    return expert_index, weights * (slot >= 0), slot, aux_loss
