# expect: passed
# Correct alternative: builds a boolean (B, V) mask of seen tokens and applies the penalty on the whole logits with torch.where.
import torch


def apply_repetition_penalty(logits, input_ids, penalty):
    if penalty <= 0:
        raise ValueError("penalty must be positive")
    seen = torch.zeros_like(logits, dtype=torch.bool).scatter_(1, input_ids, True)
    penalised = torch.where(logits > 0, logits / penalty, logits * penalty)
    return torch.where(seen, penalised, logits)
