# expect: wrong_answer invalid_penalty_raises_value_error
# Never validates the penalty: 0 and negative values silently produce inf / sign flips.
import torch


def apply_repetition_penalty(logits, input_ids, penalty):
    seen = torch.gather(logits, 1, input_ids)
    seen = torch.where(seen < 0, seen * penalty, seen / penalty)
    return logits.scatter(1, input_ids, seen)
