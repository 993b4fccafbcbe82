# expect: wrong_answer outputs_carry_no_gradient
# Builds advantages and returns from values without detaching: the value loss would backpropagate through its own target.
import torch


def compute_gae(rewards, values, dones, mask, last_values, gamma=0.99, lam=0.95):
    B, T = rewards.shape
    not_done = (~dones).float()
    lengths = mask.sum(dim=1)
    steps = []
    gae = torch.zeros(B)
    for t in reversed(range(T)):
        is_last = lengths - 1 == t
        next_v = torch.where(is_last, last_values, values[:, t + 1] if t + 1 < T else last_values)
        gae = torch.where(is_last, torch.zeros(B), gae)
        delta = rewards[:, t] + gamma * not_done[:, t] * next_v - values[:, t]
        gae = torch.where(mask[:, t], delta + gamma * lam * not_done[:, t] * gae, torch.zeros(B))
        steps.append(gae)
    adv = torch.stack(steps[::-1], dim=1)
    ret = torch.where(mask, adv + values, torch.zeros_like(adv))
    return adv, ret
