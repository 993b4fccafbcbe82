# expect: wrong_answer accuracy_counts_ties_as_wrong
# Computes the accuracy from the margin-shifted logits instead of the raw rewards.
import torch.nn.functional as F


def reward_model_loss(chosen_rewards, rejected_rewards, margin=None):
    logits = chosen_rewards - rejected_rewards
    if margin is not None:
        logits = logits - margin
    loss = -F.logsigmoid(logits).mean()
    accuracy = (logits > 0).float().mean().item()
    return loss, accuracy
