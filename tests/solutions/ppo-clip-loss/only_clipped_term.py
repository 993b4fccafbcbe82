# expect: wrong_answer loss_matches_reference
# Uses only the clipped term, dropping the min with the unclipped one.
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old.detach())
    return -(torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages.detach()).mean()
