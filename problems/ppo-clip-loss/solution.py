import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    """PPO's clipped surrogate objective, negated into a loss (a 0-dim tensor)."""
    # The old policy and the advantages are data: no gradient flows into them.
    logp_old = logp_old.detach()
    advantages = advantages.detach()
    ratio = torch.exp(logp_new - logp_old)
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * advantages
    return -torch.min(unclipped, clipped).mean()
