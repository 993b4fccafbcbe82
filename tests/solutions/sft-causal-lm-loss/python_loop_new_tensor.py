# expect: wrong_answer gradients_match_reference
# Right value, but summed token by token with .item() and wrapped in torch.tensor(...): the loss is cut off from logits.
import torch


def sft_causal_lm_loss(logits, input_ids, prompt_lengths, attention_mask):
    b_size, t_size = input_ids.shape
    labels = torch.full_like(input_ids, -100)
    total, count = 0.0, 0
    for b in range(b_size):
        for t in range(int(prompt_lengths[b]), t_size):
            if attention_mask[b, t]:
                labels[b, t] = input_ids[b, t]
                total -= torch.log_softmax(logits[b, t - 1], dim=-1)[input_ids[b, t]].item()
                count += 1
    return torch.tensor(total / count), labels
