# expect: wrong_answer single_episode_no_dones
# Returns the plain discounted reward-to-go (with the bootstrap) as the value target instead of advantages + values.
import torch


def compute_gae(rewards, values, dones, mask, last_values, gamma=0.99, lam=0.95):
    with torch.no_grad():
        B, T = rewards.shape
        adv = torch.zeros_like(rewards)
        ret = torch.zeros_like(rewards)
        for b in range(B):
            n = int(mask[b].sum())
            gae, g = 0.0, float(last_values[b])
            for t in reversed(range(n)):
                nd = 0.0 if dones[b, t] else 1.0
                next_v = last_values[b] if t == n - 1 else values[b, t + 1]
                delta = rewards[b, t] + gamma * nd * next_v - values[b, t]
                gae = delta + gamma * lam * nd * gae
                g = rewards[b, t] + gamma * nd * g
                adv[b, t] = gae
                ret[b, t] = g
    return adv, ret
