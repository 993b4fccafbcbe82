# expect: wrong_answer positive_logits_are_divided
# Treats it as an additive penalty (logit - penalty), like a presence penalty, instead of dividing / multiplying.
import torch


def apply_repetition_penalty(logits, input_ids, penalty):
    if penalty <= 0:
        raise ValueError("penalty must be positive")
    seen = torch.gather(logits, 1, input_ids)
    return logits.scatter(1, input_ids, seen - penalty)
