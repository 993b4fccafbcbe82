import torch


def greedy_decode(model, input_ids, max_new_tokens, eos_token_id=None, pad_token_id=0):
    """Greedy decoding with the model's KV cache.

    model(ids, past) -> (logits, past): ids (B, T) int64 are the NEW tokens, past is None on the
    first call and otherwise exactly what the previous call returned; logits is (B, T, V).
    input_ids: (B, P) int64 prompts. Returns a new (B, P + n) int64 tensor: the prompts followed
    by the n <= max_new_tokens generated tokens; after a row's eos, its positions hold pad_token_id.
    """
    raise NotImplementedError
