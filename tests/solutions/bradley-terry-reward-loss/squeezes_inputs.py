# expect: runtime_error single_pair_batch
# Squeezes the rewards (as if they came shaped (B, 1)) and divides by len(): a batch of one becomes 0-dim and len() fails.
import torch
import torch.nn.functional as F


def reward_model_loss(chosen_rewards, rejected_rewards, margin=None):
    """Pairwise (Bradley-Terry) reward-model loss and accuracy."""
    chosen_rewards, rejected_rewards = chosen_rewards.squeeze(), rejected_rewards.squeeze()
    diff = chosen_rewards - rejected_rewards
    logits = diff if margin is None else diff - margin
    # logsigmoid(x) = min(x, 0) - log1p(exp(-|x|)) stays finite for any x.
    loss = -F.logsigmoid(logits).mean()
    with torch.no_grad():
        accuracy = (diff > 0).sum().item() / len(diff)  # strict: a tie is not a win
    return loss, accuracy
