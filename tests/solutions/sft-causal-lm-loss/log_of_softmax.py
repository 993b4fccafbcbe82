# expect: wrong_answer large_logits_are_stable
# Takes log(softmax(x)): with logits of a few hundred the softmax underflows to 0 and the loss is inf.
import torch


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    positions = torch.arange(input_ids.shape[1])
    keep = (positions[None, :] >= prompt_lengths[:, None]) & attention_mask.bool()
    labels = torch.where(keep, input_ids, torch.full_like(input_ids, -100))
    probs = torch.softmax(logits[:, :-1], dim=-1)
    targets = labels[:, 1:]
    kept = targets != -100
    picked = probs.gather(-1, targets.clamp(min=0).unsqueeze(-1)).squeeze(-1).log()
    return -picked[kept].mean(), labels
