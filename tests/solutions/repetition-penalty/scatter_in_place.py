# expect: wrong_answer input_is_not_modified
# Uses scatter_ on the caller's logits (as the Hugging Face processor does) and returns the same tensor.
import torch


def apply_repetition_penalty(logits, input_ids, penalty):
    if penalty <= 0:
        raise ValueError("penalty must be positive")
    seen = torch.gather(logits, 1, input_ids)
    seen = torch.where(seen < 0, seen * penalty, seen / penalty)
    return logits.scatter_(1, input_ids, seen)
