import torch


def kl_penalized_rewards(policy_logprobs, ref_logprobs, scores, response_mask, beta):
    """Per-token RLHF rewards: -beta * (policy_logprobs - ref_logprobs) on the response tokens,
    plus scores[b] at the last response token of row b, 0 elsewhere.

    policy_logprobs, ref_logprobs: (B, T) float; scores: (B,) float;
    response_mask: (B, T) bool, True = response token. Returns (B, T), no grad.
    """
    raise NotImplementedError
