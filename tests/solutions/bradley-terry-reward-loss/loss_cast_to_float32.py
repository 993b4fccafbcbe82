# expect: wrong_answer loss_keeps_float64_dtype
# Casts the logits to float32 "for stability", so float64 rewards give a float32 loss.
import torch
import torch.nn.functional as F


def reward_model_loss(chosen_rewards, rejected_rewards, margin=None):
    """Pairwise (Bradley-Terry) reward-model loss and accuracy."""
    diff = chosen_rewards - rejected_rewards
    logits = diff if margin is None else diff - margin
    # logsigmoid(x) = min(x, 0) - log1p(exp(-|x|)) stays finite for any x.
    loss = -F.logsigmoid(logits.float()).mean()
    with torch.no_grad():
        accuracy = (diff > 0).float().mean().item()  # strict: a tie is not a win
    return loss, accuracy
