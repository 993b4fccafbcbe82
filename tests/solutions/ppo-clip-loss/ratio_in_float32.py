# expect: wrong_answer loss_keeps_input_dtype
# Computes in float32 (.float() on every input, as mixed-precision RL code does): a float64 batch gives a float32 loss.
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    """PPO's clipped surrogate objective, negated into a loss (a 0-dim tensor)."""
    # The old policy and the advantages are data: no gradient flows into them.
    logp_old = logp_old.detach()
    advantages = advantages.detach()
    # Everything in float32 for stability, as mixed-precision RL code does.
    logp_new, logp_old, advantages = logp_new.float(), logp_old.float(), advantages.float()
    ratio = torch.exp(logp_new - logp_old)
    unclipped = ratio * advantages
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * advantages
    return -torch.min(unclipped, clipped).mean()
