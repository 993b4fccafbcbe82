# expect: wrong_answer mean_over_all_elements_2d
# Averages over the last axis, then sums the rows: right for 1-D input only.
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old.detach())
    advantages = advantages.detach()
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    return -torch.min(ratio * advantages, clipped * advantages).mean(-1).sum()
