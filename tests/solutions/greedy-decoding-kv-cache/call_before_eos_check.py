# expect: wrong_answer no_model_call_after_every_row_has_finished
# Feeds the chosen token before checking whether every row has finished: one wasted model call when eos ends the loop.
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_token_id=None, pad_token_id=0):
    """Greedy decoding with a KV cache; returns (B, P + n) token ids, prompt included."""
    tokens = input_ids.clone()
    if max_new_tokens == 0:
        return tokens
    finished = torch.zeros(input_ids.shape[0], dtype=torch.bool)
    logits, past = model(input_ids, None)  # prefill: the whole prompt once
    for step in range(max_new_tokens):
        next_token = logits[:, -1, :].argmax(dim=-1)  # (B,)
        next_token = torch.where(finished, torch.full_like(next_token, pad_token_id), next_token)
        tokens = torch.cat([tokens, next_token[:, None]], dim=1)
        if step + 1 < max_new_tokens:  # no model call for a token that will not be used
            logits, past = model(next_token[:, None], past)
        if eos_token_id is not None:
            finished = finished | (next_token == eos_token_id)
            if bool(finished.all()):
                break
    return tokens
