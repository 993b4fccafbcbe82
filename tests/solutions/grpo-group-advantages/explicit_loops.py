# expect: passed
# Correct alternative: explicit loops over prompts and completions, each completion sliced to its real tokens.
import torch


def grpo_loss(logp_new, logp_old, logp_ref, rewards, mask, clip_eps=0.2, beta=0.04, adv_eps=1e-4):
    b, g, _ = logp_new.shape
    r = rewards.detach()
    centred = r - r.sum(dim=1, keepdim=True) / g
    std = (centred.pow(2).sum(dim=1, keepdim=True) / (g - 1)).sqrt()
    advantages = centred / (std + adv_eps)

    losses = []
    for i in range(b):
        for j in range(g):
            keep = mask[i, j]
            new = logp_new[i, j][keep]
            old = logp_old[i, j][keep].detach()
            ref = logp_ref[i, j][keep].detach()
            a = advantages[i, j]
            ratio = (new - old).exp()
            surrogate = torch.minimum(ratio * a, ratio.clamp(1 - clip_eps, 1 + clip_eps) * a)
            kl = (ref - new).exp() - (ref - new) - 1
            losses.append((beta * kl - surrogate).mean())
    return torch.stack(losses).mean(), advantages
