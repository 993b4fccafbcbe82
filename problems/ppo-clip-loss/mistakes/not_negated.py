# mistake: the objective itself was returned: the loss is its negative
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old.detach())
    advantages = advantages.detach()
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    return torch.min(ratio * advantages, clipped * advantages).mean()
