# expect: runtime_error single_token_history
# Squeezes input_ids "to drop a stray singleton dim": with a one-token history the ids become 1-D and gather fails.
import torch


def apply_repetition_penalty(logits, input_ids, penalty):
    """CTRL / Hugging Face repetition penalty; returns a new (B, V) tensor."""
    if not penalty > 0:
        raise ValueError(f"penalty must be > 0, got {penalty}")
    input_ids = input_ids.squeeze()
    seen = torch.gather(logits, 1, input_ids)  # (B, T): the logit of every token in each row's history
    penalised = torch.where(seen < 0, seen * penalty, seen / penalty)
    # scatter writes the same value for a repeated id, so each token is penalised once.
    return logits.scatter(1, input_ids, penalised)
