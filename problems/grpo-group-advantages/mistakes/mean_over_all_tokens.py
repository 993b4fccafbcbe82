# mistake: the loss was one mean over all real tokens of the batch: average each completion over its own tokens first, then over completions
import torch


def grpo_loss(logp_new, logp_old, logp_ref, rewards, mask, clip_eps=0.2, beta=0.04, adv_eps=1e-4):
    """Return (loss, advantages): GRPO's clipped surrogate with a k3 KL penalty, group-normalised advantages."""
    # Rewards, the sampling policy and the reference policy are data: no gradient flows into them.
    rewards = rewards.detach()
    logp_old = logp_old.detach()
    logp_ref = logp_ref.detach()

    # Group-relative advantages: normalise each prompt's G rewards by their own mean and std.
    mean = rewards.mean(dim=1, keepdim=True)
    std = rewards.std(dim=1, keepdim=True)  # unbiased (G - 1), as TRL's GRPOTrainer
    advantages = (rewards - mean) / (std + adv_eps)
    adv = advantages.unsqueeze(-1)  # the same advantage for every token of a completion

    ratio = torch.exp(logp_new - logp_old)
    unclipped = ratio * adv
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * adv
    surrogate = torch.min(unclipped, clipped)

    log_ref_ratio = logp_ref - logp_new
    kl = torch.exp(log_ref_ratio) - log_ref_ratio - 1.0  # k3 estimator of KL(pi || pi_ref)
    per_token = -(surrogate - beta * kl)

    # Padding holds arbitrary values: keep only real tokens, and average over each completion's own.
    per_token = torch.where(mask, per_token, torch.zeros_like(per_token))
    return per_token.sum() / mask.sum(), advantages
