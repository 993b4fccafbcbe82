# expect: passed
# The same objective written with torch.where and a ratio of probabilities.
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    with torch.no_grad():
        old_p = logp_old.exp()
        adv = advantages.clone()
    ratio = logp_new.exp() / old_p
    lo, hi = 1.0 - clip_eps, 1.0 + clip_eps
    clip_active = ((adv > 0) & (ratio > hi)) | ((adv < 0) & (ratio < lo))
    clipped_value = torch.where(adv > 0, torch.full_like(ratio, hi), torch.full_like(ratio, lo)) * adv
    objective = torch.where(clip_active, clipped_value, ratio * adv)
    return -objective.sum() / objective.numel()
