import torch

IGNORE = -100


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    """Return (loss, labels): mean next-token cross-entropy over the response tokens."""
    positions = torch.arange(input_ids.shape[1], device=input_ids.device)
    is_response = positions[None, :] >= prompt_lengths[:, None]  # (B, T)
    keep = is_response & attention_mask.bool()  # bool() also reads an int64 0/1 mask
    labels = torch.where(keep, input_ids, torch.full_like(input_ids, IGNORE))  # a new tensor

    # logits[:, t] predicts the token at t + 1: drop the last logits and the first labels.
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)  # (B, T - 1, V), stable
    targets = labels[:, 1:]
    kept = targets != IGNORE
    picked = log_probs.gather(-1, targets.clamp(min=0).unsqueeze(-1)).squeeze(-1)  # (B, T - 1)
    loss = -picked[kept].mean()  # over every kept token of the batch
    return loss, labels
