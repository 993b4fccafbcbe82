# expect: wrong_answer negative_logits_are_multiplied
# Divides every seen logit by the penalty, as in the CTRL paper: negative logits move towards 0 and become more likely.
import torch


def apply_repetition_penalty(logits, input_ids, penalty):
    if penalty <= 0:
        raise ValueError("penalty must be positive")
    seen = torch.gather(logits, 1, input_ids)
    return logits.scatter(1, input_ids, seen / penalty)
