# expect: wrong_answer penalty_one_changes_nothing
# Shortcut for penalty == 1.0 that returns the caller's logits themselves, not a new tensor.
import torch


def apply_repetition_penalty(logits, input_ids, penalty):
    """CTRL / Hugging Face repetition penalty; returns a new (B, V) tensor."""
    if not penalty > 0:
        raise ValueError(f"penalty must be > 0, got {penalty}")
    if penalty == 1.0:
        return logits  # nothing to do
    seen = torch.gather(logits, 1, input_ids)  # (B, T): the logit of every token in each row's history
    penalised = torch.where(seen < 0, seen * penalty, seen / penalty)
    # scatter writes the same value for a repeated id, so each token is penalised once.
    return logits.scatter(1, input_ids, penalised)
