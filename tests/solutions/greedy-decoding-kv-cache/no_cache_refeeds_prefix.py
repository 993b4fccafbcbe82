# expect: wrong_answer cache_is_used_one_new_token_per_call
# Ignores the cache: calls the model on the whole sequence with past=None at every step (right tokens, quadratic work).
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_token_id=None, pad_token_id=0):
    tokens = input_ids.clone()
    finished = torch.zeros(tokens.shape[0], dtype=torch.bool)
    for _ in range(max_new_tokens):
        logits, _ = model(tokens, None)
        nxt = logits[:, -1].argmax(-1)
        nxt = torch.where(finished, torch.full_like(nxt, pad_token_id), nxt)
        tokens = torch.cat([tokens, nxt[:, None]], dim=1)
        if eos_token_id is not None:
            finished |= nxt == eos_token_id
            if finished.all():
                break
    return tokens
