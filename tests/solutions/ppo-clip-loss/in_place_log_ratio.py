# expect: runtime_error loss_matches_reference
# Subtracts logp_old from logp_new in place to save a buffer: fine on a plain tensor, an error on logp_new, which requires grad.
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    """PPO's clipped surrogate objective, negated into a loss (a 0-dim tensor)."""
    # The old policy and the advantages are data: no gradient flows into them.
    logp_old = logp_old.detach()
    advantages = advantages.detach()
    log_ratio = logp_new
    log_ratio -= logp_old  # in place: no extra buffer for the log ratio
    ratio = torch.exp(log_ratio)
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * advantages
    return -torch.min(unclipped, clipped).mean()
