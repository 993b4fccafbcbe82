# expect: wrong_answer right_padding_bootstraps_at_last_real_step
# Runs the recursion over all T columns, bootstrapping from last_values at column T - 1, and only masks at the end.
import torch


def compute_gae(rewards, values, dones, mask, last_values, gamma=0.99, lam=0.95):
    values = values.detach()
    B, T = rewards.shape
    not_done = 1.0 - dones.float()
    adv = torch.zeros_like(rewards)
    gae = torch.zeros(B)
    next_v = last_values.detach()
    for t in reversed(range(T)):
        delta = rewards[:, t] + gamma * not_done[:, t] * next_v - values[:, t]
        gae = delta + gamma * lam * not_done[:, t] * gae
        adv[:, t] = gae
        next_v = values[:, t]
    adv = adv * mask
    return adv, (adv + values) * mask
