# expect: wrong_answer cache_is_used_one_new_token_per_call
# Feeds every chosen token back at the end of the step, including the last one: one wasted model call.
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_token_id=None, pad_token_id=0):
    tokens = input_ids.clone()
    if max_new_tokens == 0:
        return tokens
    finished = torch.zeros(tokens.shape[0], dtype=torch.bool)
    logits, past = model(input_ids, None)
    for _ in range(max_new_tokens):
        nxt = logits[:, -1].argmax(-1)
        nxt = torch.where(finished, torch.full_like(nxt, pad_token_id), nxt)
        tokens = torch.cat([tokens, nxt[:, None]], dim=1)
        if eos_token_id is not None:
            finished |= nxt == eos_token_id
            if finished.all():
                break
        logits, past = model(nxt[:, None], past)
    return tokens
