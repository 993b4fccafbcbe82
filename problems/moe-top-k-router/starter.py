import math

import torch


def route_tokens(logits, k, capacity_factor):
    """Route each token to its top-k experts, with capacity, and the load-balancing loss.

    logits: (T, E) router logits. Returns (expert_index, combine_weights, slot, aux_loss):
    expert_index (T, k) int64, best first; combine_weights (T, k), the top-k probabilities
    renormalised to sum to 1, 0 where dropped; slot (T, k) int64, the position in the expert's
    buffer or -1 if dropped; aux_loss, a 0-dim tensor E * sum_i f_i * P_i.
    """
    raise NotImplementedError
