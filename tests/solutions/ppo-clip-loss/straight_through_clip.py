# expect: wrong_answer gradient_wrt_logp_new
# Right value, but the clip passes the gradient straight through, so clipped samples still push.
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old.detach())
    advantages = advantages.detach()
    clipped = ratio + (torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) - ratio).detach()
    return -torch.min(ratio * advantages, clipped * advantages).mean()
