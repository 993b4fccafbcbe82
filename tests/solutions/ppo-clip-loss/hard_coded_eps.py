# expect: wrong_answer clip_eps_matters
# Ignores the clip_eps argument and always clips to [0.8, 1.2].
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old.detach())
    advantages = advantages.detach()
    clipped = torch.clamp(ratio, 0.8, 1.2)
    return -torch.min(ratio * advantages, clipped * advantages).mean()
