# expect: wrong_answer default_gamma_and_lambda
# Swaps the defaults (gamma=0.95, lam=0.99): right whenever both are passed, wrong when the caller relies on them.
import torch


def compute_gae(rewards, values, dones, mask, last_values, gamma=0.95, lam=0.99):
    """GAE advantages and returns (= advantages + values) for a right-padded batch."""
    with torch.no_grad():  # advantages and returns are constants (targets) for PPO
        values = values.detach()
        mask = mask.bool()
        b, t = rewards.shape
        zeros = torch.zeros(b, dtype=rewards.dtype, device=rewards.device)
        advantages = torch.zeros_like(rewards)
        next_adv = zeros
        next_value = last_values.detach().to(rewards.dtype)
        for i in reversed(range(t)):
            real = mask[:, i]
            # At a row's last real step the next column is padding (or past T): use last_values
            # and start the recursion from zero.
            last_real = real & (~mask[:, i + 1] if i + 1 < t else torch.ones_like(real))
            v_next = torch.where(last_real, last_values.to(rewards.dtype), next_value)
            a_next = torch.where(last_real, zeros, next_adv)
            not_done = (~dones[:, i].bool()).to(rewards.dtype)
            delta = rewards[:, i] + gamma * not_done * v_next - values[:, i]
            adv = delta + gamma * lam * not_done * a_next
            adv = torch.where(real, adv, zeros)
            advantages[:, i] = adv
            next_adv, next_value = adv, values[:, i]
        returns = torch.where(mask, advantages + values, torch.zeros_like(advantages))
    return advantages, returns
