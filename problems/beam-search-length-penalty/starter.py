import torch


def beam_search(step_fn, bos_token_id, eos_token_id, beam_width, max_len, alpha=1.0):
    """Beam search from the single prefix [bos_token_id].

    step_fn(prefixes) -> log_probs: prefixes is an int64 tensor (N, t) of live hypotheses (each
    starting with bos), log_probs a float32 tensor (N, V) of next-token log-probabilities.
    Returns a list of beam_width (tokens, score) pairs, best first: tokens a list of ints after bos
    (eos included when the hypothesis finished), score = sum of log-probs / len(tokens) ** alpha.
    """
    raise NotImplementedError
