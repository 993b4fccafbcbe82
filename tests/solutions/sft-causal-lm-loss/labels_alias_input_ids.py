# expect: wrong_answer inputs_are_not_modified
# labels = input_ids, then writes -100 into it: the caller's input_ids are overwritten in place.
import torch


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    labels = input_ids
    for b in range(labels.shape[0]):
        labels[b, : prompt_lengths[b]] = -100
    labels[attention_mask == 0] = -100
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    targets = labels[:, 1:]
    kept = targets != -100
    picked = log_probs.gather(-1, targets.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    return -picked[kept].mean(), labels
