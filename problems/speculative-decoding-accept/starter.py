import torch


def speculative_accept(draft_tokens, q, p, accept_uniforms, sample_uniform):
    """Verify gamma draft tokens against the target model; return (tokens, next_dist).

    draft_tokens: (gamma,) int64; q: (gamma, V) draft probabilities; p: (gamma + 1, V) target
    probabilities; accept_uniforms: (gamma,) in (0, 1); sample_uniform: a float in (0, 1).
    tokens: the accepted draft tokens, then one token drawn from next_dist by inverse CDF.
    next_dist: normalised max(0, p - q) at the first rejection, or p[gamma] if all are accepted.
    """
    raise NotImplementedError
