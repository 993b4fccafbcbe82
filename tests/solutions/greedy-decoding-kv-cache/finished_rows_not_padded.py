# expect: wrong_answer finished_rows_are_padded_while_others_continue
# Only stops when every row has produced eos, but never pads: finished rows keep generating after their eos.
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_token_id=None, pad_token_id=0):
    tokens = input_ids.clone()
    if max_new_tokens == 0:
        return tokens
    finished = torch.zeros(tokens.shape[0], dtype=torch.bool)
    logits, past = model(input_ids, None)
    for step in range(max_new_tokens):
        nxt = logits[:, -1].argmax(-1)
        tokens = torch.cat([tokens, nxt[:, None]], dim=1)
        if eos_token_id is not None:
            finished |= nxt == eos_token_id
            if finished.all():
                break
        if step + 1 < max_new_tokens:
            logits, past = model(nxt[:, None], past)
    return tokens
