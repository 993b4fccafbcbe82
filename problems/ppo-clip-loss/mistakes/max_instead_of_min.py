# mistake: the optimistic term was taken: PPO keeps the minimum (pessimistic) of the clipped and unclipped objectives
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old.detach())
    advantages = advantages.detach()
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    return -torch.max(ratio * advantages, clipped * advantages).mean()
