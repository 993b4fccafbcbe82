# expect: wrong_answer done_cuts_bootstrap_and_recursion
# Masks the bootstrap value at a done but keeps carrying A_{t+1} across the episode boundary.
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
                next_v = last_values[b] if t == n - 1 else values[b, t + 1]
                nd = 0.0 if dones[b, t] else 1.0
                delta = rewards[b, t] + gamma * nd * next_v - values[b, t]
                gae = delta + gamma * lam * gae
                adv[b, t] = gae
        ret = (adv + values) * mask
    return adv, ret
