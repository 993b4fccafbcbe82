# expect: wrong_answer loss_matches_reference
# Sums the per-pair losses instead of averaging them.
import torch.nn.functional as F


def reward_model_loss(chosen_rewards, rejected_rewards, margin=None):
    diff = chosen_rewards - rejected_rewards
    if margin is not None:
        diff = diff - margin
    loss = -F.logsigmoid(diff).sum()
    accuracy = (chosen_rewards > rejected_rewards).float().mean().item()
    return loss, accuracy
