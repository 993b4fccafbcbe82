# expect: wrong_answer done_cuts_bootstrap_and_recursion
# Reads dones[t + 1] (as if done marked the first step of the next episode) instead of dones[t].
import torch


def compute_gae(rewards, values, dones, mask, last_values, gamma=0.99, lam=0.95):
    with torch.no_grad():
        B, T = rewards.shape
        lengths = mask.sum(dim=1)
        adv = torch.zeros_like(rewards)
        for b in range(B):
            n = int(lengths[b])
            gae = 0.0
            for t in reversed(range(n)):
                if t == n - 1:
                    next_v, nd = last_values[b], 0.0 if dones[b, t] else 1.0
                else:
                    next_v, nd = values[b, t + 1], 0.0 if dones[b, t + 1] else 1.0
                delta = rewards[b, t] + gamma * nd * next_v - values[b, t]
                gae = delta + gamma * lam * nd * gae
                adv[b, t] = gae
        ret = (adv + values) * mask
    return adv, ret
