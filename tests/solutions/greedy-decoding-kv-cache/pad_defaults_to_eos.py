# expect: wrong_answer pad_token_defaults_to_zero
# Defaults pad_token_id to the eos token when none is given (Hugging Face's fallback) instead of the stated default 0.
import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_token_id=None, pad_token_id=None):
    """Greedy decoding with a KV cache; returns (B, P + n) token ids, prompt included."""
    if pad_token_id is None:
        pad_token_id = eos_token_id if eos_token_id is not None else 0
    tokens = input_ids.clone()
    if max_new_tokens == 0:
        return tokens
    finished = torch.zeros(input_ids.shape[0], dtype=torch.bool)
    logits, past = model(input_ids, None)  # prefill: the whole prompt once
    for step in range(max_new_tokens):
        next_token = logits[:, -1, :].argmax(dim=-1)  # (B,)
        next_token = torch.where(finished, torch.full_like(next_token, pad_token_id), next_token)
        tokens = torch.cat([tokens, next_token[:, None]], dim=1)
        if eos_token_id is not None:
            finished = finished | (next_token == eos_token_id)
            if bool(finished.all()):
                break
        if step + 1 < max_new_tokens:  # no model call for a token that will not be used
            logits, past = model(next_token[:, None], past)
    return tokens
