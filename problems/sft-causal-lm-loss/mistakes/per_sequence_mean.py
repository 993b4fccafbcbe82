# mistake: the loss was averaged per sequence, then over the batch: average over all kept tokens of the batch at once (token-level mean)
import torch

IGNORE = -100


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    positions = torch.arange(input_ids.shape[1])
    keep = (positions[None, :] >= prompt_lengths[:, None]) & attention_mask.bool()
    labels = torch.where(keep, input_ids, torch.full_like(input_ids, IGNORE))
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    targets = labels[:, 1:]
    kept = (targets != IGNORE).float()
    picked = log_probs.gather(-1, targets.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    per_row = -(picked * kept).sum(dim=1) / kept.sum(dim=1)
    return per_row.mean(), labels
