# expect: wrong_answer rows_use_their_own_history
# Indexes logits[:, ids] with the flattened ids of the whole batch: every row is penalised by every row's history.
import torch


def apply_repetition_penalty(logits, input_ids, penalty):
    if penalty <= 0:
        raise ValueError("penalty must be positive")
    out = logits.clone()
    ids = input_ids.flatten().unique()
    seen = out[:, ids]
    out[:, ids] = torch.where(seen < 0, seen * penalty, seen / penalty)
    return out
