# expect: wrong_answer labels_mask_prompt_and_padding
# the prompt tokens were trained on: SFT labels the first prompt_lengths[b] tokens -100, only the response counts
import torch

IGNORE = -100


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    keep = attention_mask.bool()
    labels = torch.where(keep, input_ids, torch.full_like(input_ids, IGNORE))
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    targets = labels[:, 1:]
    kept = targets != IGNORE
    picked = log_probs.gather(-1, targets.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    return -picked[kept].mean(), labels
