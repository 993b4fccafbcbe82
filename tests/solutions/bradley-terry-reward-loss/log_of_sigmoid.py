# expect: wrong_answer large_negative_difference_is_finite
# -log(sigmoid(x)): sigmoid(-1e4) underflows to 0 in float32, so the loss is inf.
import torch


def reward_model_loss(chosen_rewards, rejected_rewards, margin=None):
    diff = chosen_rewards - rejected_rewards
    logits = diff - margin if margin is not None else diff
    loss = -torch.log(torch.sigmoid(logits)).mean()
    accuracy = (diff > 0).float().mean().item()
    return loss, accuracy
