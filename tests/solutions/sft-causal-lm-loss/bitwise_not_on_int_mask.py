# expect: wrong_answer attention_mask_as_integers
# labels[~attention_mask] = -100: right for a bool mask, but on an int64 0/1 mask ~ is bitwise (-2, -1) and indexes rows instead.
import torch


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    labels = input_ids.clone()
    positions = torch.arange(input_ids.shape[1])
    labels[positions[None, :] < prompt_lengths[:, None]] = -100
    labels[~attention_mask] = -100
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    targets = labels[:, 1:]
    kept = targets != -100
    picked = log_probs.gather(-1, targets.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    return -picked[kept].mean(), labels
