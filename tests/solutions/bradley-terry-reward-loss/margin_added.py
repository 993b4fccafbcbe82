# expect: wrong_answer margin_is_subtracted
# Adds the margin to the difference instead of subtracting it, which makes the loss easier, not harder.
import torch.nn.functional as F


def reward_model_loss(chosen_rewards, rejected_rewards, margin=None):
    diff = chosen_rewards - rejected_rewards
    if margin is not None:
        diff_m = diff + margin
    else:
        diff_m = diff
    loss = -F.logsigmoid(diff_m).mean()
    accuracy = (diff > 0).float().mean().item()
    return loss, accuracy
