# expect: forbidden_api labels_mask_prompt_and_padding
# Hands the shifted logits and labels to F.cross_entropy(ignore_index=-100), which the problem forbids.
import torch
import torch.nn.functional as F


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    positions = torch.arange(input_ids.shape[1])
    keep = (positions[None, :] >= prompt_lengths[:, None]) & attention_mask.bool()
    labels = torch.where(keep, input_ids, torch.full_like(input_ids, -100))
    v = logits.shape[-1]
    return F.cross_entropy(logits[:, :-1].reshape(-1, v), labels[:, 1:].reshape(-1)), labels
