import torch


def compute_gae(rewards, values, dones, mask, last_values, gamma=0.99, lam=0.95):
    """GAE advantages and returns for a right-padded batch of rollouts.

    rewards, values: (B, T) float; dones, mask: (B, T) bool (mask True = real step);
    last_values: (B,) value of the state after each row's last real step.
    Returns (advantages, returns), (B, T) each, 0 at padding, no grad.
    """
    raise NotImplementedError
