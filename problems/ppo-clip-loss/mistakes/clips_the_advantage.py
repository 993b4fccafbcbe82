# mistake: the advantage was clipped: PPO clips the probability ratio to [1 - eps, 1 + eps]
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old.detach())
    advantages = advantages.detach()
    clipped = ratio * torch.clamp(advantages, 1 - clip_eps, 1 + clip_eps)
    return -torch.min(ratio * advantages, clipped).mean()
