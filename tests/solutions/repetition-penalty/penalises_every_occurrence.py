# expect: wrong_answer repeated_tokens_are_penalised_once
# Loops over the history and applies the penalty at every occurrence: a token seen k times is penalised k times.
import torch


def apply_repetition_penalty(logits, input_ids, penalty):
    if penalty <= 0:
        raise ValueError("penalty must be positive")
    out = logits.clone()
    for b in range(input_ids.shape[0]):
        for t in input_ids[b].tolist():
            if out[b, t] > 0:
                out[b, t] = out[b, t] / penalty
            else:
                out[b, t] = out[b, t] * penalty
    return out
