import torch


def grpo_loss(logp_new, logp_old, logp_ref, rewards, mask, clip_eps=0.2, beta=0.04, adv_eps=1e-4):
    """Return (loss, advantages) for GRPO.

    rewards: (B, G); logp_new, logp_old, logp_ref, mask: (B, G, T), mask True = real token.
    advantages = (r - group mean) / (group unbiased std + adv_eps), shape (B, G).
    loss: 0-dim, per-token -(min(ratio*A, clip(ratio)*A) - beta*KL_k3), mean over each completion's
    real tokens, then mean over completions. Gradients only through logp_new.
    """
    raise NotImplementedError
