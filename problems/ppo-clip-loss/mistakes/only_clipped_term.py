# mistake: only the clipped term was used: take the minimum with the unclipped ratio * advantage
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old.detach())
    return -(torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages.detach()).mean()
