# expect: wrong_answer single_sequence_matches_reference
# Feeds the whole sequence so far together with the cache: the prefix is counted twice and gets the wrong positions.
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_token_id=None, pad_token_id=0):
    tokens = input_ids.clone()
    finished = torch.zeros(tokens.shape[0], dtype=torch.bool)
    past = None
    for _ in range(max_new_tokens):
        logits, past = model(tokens, past)
        nxt = logits[:, -1].argmax(-1)
        nxt = torch.where(finished, torch.full_like(nxt, pad_token_id), nxt)
        tokens = torch.cat([tokens, nxt[:, None]], dim=1)
        if eos_token_id is not None:
            finished |= nxt == eos_token_id
            if finished.all():
                break
    return tokens
