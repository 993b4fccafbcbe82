# expect: passed
# Correct alternative: build V_{t+1} for every column first (shift + last_values at each row's end), then one masked backward pass.
import torch


def compute_gae(rewards, values, dones, mask, last_values, gamma=0.99, lam=0.95):
    values = values.detach()
    last_values = last_values.detach()
    B, T = rewards.shape
    lengths = mask.long().sum(dim=1)
    rows = torch.arange(B)
    next_values = torch.cat([values[:, 1:], torch.zeros(B, 1, dtype=values.dtype)], dim=1)
    next_values[rows, lengths - 1] = last_values.to(values.dtype)
    continues = (~dones.bool()).to(rewards.dtype)
    deltas = rewards + gamma * continues * next_values - values
    # Treat the end of the real steps like a cut: nothing flows back from the padding.
    carry = continues.clone()
    carry[rows, lengths - 1] = 0.0
    adv = torch.zeros_like(rewards)
    running = torch.zeros(B, dtype=rewards.dtype)
    for t in range(T - 1, -1, -1):
        running = deltas[:, t] + gamma * lam * carry[:, t] * running
        running = running * mask[:, t]
        adv[:, t] = running
    adv = adv.masked_fill(~mask, 0.0)
    returns = (adv + values).masked_fill(~mask, 0.0)
    return adv, returns
