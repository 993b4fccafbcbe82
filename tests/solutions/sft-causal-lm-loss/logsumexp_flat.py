# expect: passed
# Correct alternative: flatten the shifted pairs, log-softmax written as x - logsumexp(x), masked sum over the count.
import torch


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    b, t, v = logits.shape
    labels = input_ids.clone()
    for row in range(b):
        labels[row, : int(prompt_lengths[row])] = -100
    labels[attention_mask == 0] = -100
    flat_logits = logits[:, :-1, :].reshape(-1, v)
    flat_targets = labels[:, 1:].reshape(-1)
    valid = flat_targets != -100
    chosen = flat_logits[valid]
    log_z = torch.logsumexp(chosen, dim=-1)
    nll = log_z - chosen.gather(1, flat_targets[valid].unsqueeze(1)).squeeze(1)
    return nll.sum() / valid.sum(), labels
