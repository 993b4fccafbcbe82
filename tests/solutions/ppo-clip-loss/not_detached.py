# expect: wrong_answer no_gradient_into_logp_old_or_advantages
# Right value and right gradient for logp_new, but gradients also flow into logp_old and the advantages.
import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    return -torch.min(ratio * advantages, clipped * advantages).mean()
