# expect: wrong_answer loss_matches_reference
# the logits at position t were scored against the label at t: logits[:, t] predicts the token at t + 1, so drop the last logits and the first labels
import torch

IGNORE = -100


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    positions = torch.arange(input_ids.shape[1])
    keep = (positions[None, :] >= prompt_lengths[:, None]) & attention_mask.bool()
    labels = torch.where(keep, input_ids, torch.full_like(input_ids, IGNORE))
    log_probs = torch.log_softmax(logits, dim=-1)
    kept = labels != IGNORE
    picked = log_probs.gather(-1, labels.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    return -picked[kept].mean(), labels
