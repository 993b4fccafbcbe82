# mistake: the labels were shifted the wrong way (logits[:, 1:] against labels[:, :-1]): the logits at t predict the token at t + 1, so pair logits[:, :-1] with labels[:, 1:]
import torch

IGNORE = -100


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    positions = torch.arange(input_ids.shape[1])
    keep = (positions[None, :] >= prompt_lengths[:, None]) & attention_mask.bool()
    labels = torch.where(keep, input_ids, torch.full_like(input_ids, IGNORE))
    log_probs = torch.log_softmax(logits[:, 1:], dim=-1)
    targets = labels[:, :-1]
    kept = targets != IGNORE
    picked = log_probs.gather(-1, targets.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    return -picked[kept].mean(), labels
