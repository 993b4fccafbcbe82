import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    """PPO's clipped surrogate objective, negated into a loss (a 0-dim tensor).

    logp_new: log-probs of the taken actions under the current policy (requires grad).
    logp_old: their log-probs under the policy that collected the data.
    advantages: advantage estimates. All three have the same shape.
    """
    raise NotImplementedError
