# expect: passed
# Correct alternative: softplus(-x) for the loss, the accuracy as a count divided by B.
import torch
import torch.nn.functional as F


def reward_model_loss(chosen_rewards, rejected_rewards, margin=None):
    x = chosen_rewards - rejected_rewards
    if margin is not None:
        x = x - margin.to(x.dtype)
    loss = F.softplus(-x).sum() / x.numel()  # -log sigmoid(x) = softplus(-x)
    wins = int((chosen_rewards.detach() > rejected_rewards.detach()).sum())
    return loss, wins / chosen_rewards.numel()
