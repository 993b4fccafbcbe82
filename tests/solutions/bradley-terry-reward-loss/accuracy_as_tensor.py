# expect: wrong_answer accuracy_counts_ties_as_wrong
# Returns the accuracy as a 0-dim tensor instead of a Python float.
import torch.nn.functional as F


def reward_model_loss(chosen_rewards, rejected_rewards, margin=None):
    diff = chosen_rewards - rejected_rewards
    logits = diff if margin is None else diff - margin
    loss = -F.logsigmoid(logits).mean()
    accuracy = (diff > 0).float().mean()
    return loss, accuracy
