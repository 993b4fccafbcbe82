# expect: passed
# Correct alternative: preallocates the output filled with pad, tracks each row's finish step, and calls the model at the top of the loop.
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_token_id=None, pad_token_id=0):
    b, p = input_ids.shape
    out = torch.full((b, p + max_new_tokens), pad_token_id, dtype=torch.long)
    out[:, :p] = input_ids
    alive = torch.ones(b, dtype=torch.bool)
    past, feed, steps = None, input_ids, 0
    while steps < max_new_tokens:
        logits, past = model(feed, past)
        choice = logits[:, -1].argmax(dim=-1)
        out[alive, p + steps] = choice[alive]
        steps += 1
        if eos_token_id is not None:
            alive &= choice != eos_token_id
            if not alive.any():
                break
        feed = out[:, p + steps - 1 : p + steps]
    return out[:, : p + steps].clone()
