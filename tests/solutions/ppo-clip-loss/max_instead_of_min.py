# expect: wrong_answer loss_matches_reference
# Takes the optimistic (larger) of the two terms instead of the pessimistic one.
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old.detach())
    advantages = advantages.detach()
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    return -torch.max(ratio * advantages, clipped * advantages).mean()
