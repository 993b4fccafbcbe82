# expect: passed
# Correct alternative: Hugging Face-style shift_logits / shift_labels, F.log_softmax, and a float weight mask.
import torch
import torch.nn.functional as F


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    idx = torch.arange(input_ids.size(1)).expand_as(input_ids)
    response = (idx >= prompt_lengths.unsqueeze(1)) & (attention_mask != 0)
    labels = input_ids.masked_fill(~response, -100)
    shift_logits = logits[..., :-1, :]
    shift_labels = labels[..., 1:]
    weight = (shift_labels != -100).to(logits.dtype)
    logp = F.log_softmax(shift_logits, dim=-1)
    token_logp = torch.gather(logp, -1, shift_labels.clamp_min(0)[..., None])[..., 0]
    return -(token_logp * weight).sum() / weight.sum(), labels
