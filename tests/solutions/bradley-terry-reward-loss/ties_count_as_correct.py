# expect: wrong_answer accuracy_counts_ties_as_wrong
# Uses >= for the accuracy, so a tie counts as a correctly ranked pair.
import torch.nn.functional as F


def reward_model_loss(chosen_rewards, rejected_rewards, margin=None):
    diff = chosen_rewards - rejected_rewards
    m = 0.0 if margin is None else margin
    loss = -F.logsigmoid(diff - m).mean()
    accuracy = (chosen_rewards >= rejected_rewards).float().mean().item()
    return loss, accuracy
