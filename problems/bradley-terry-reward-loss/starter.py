import torch
import torch.nn.functional as F


def reward_model_loss(chosen_rewards, rejected_rewards, margin=None):
    """Pairwise (Bradley-Terry) reward-model loss and accuracy.

    chosen_rewards, rejected_rewards: (B,) float tensors; margin: None or (B,) constant.
    Returns (loss, accuracy): loss = -mean(logsigmoid(chosen - rejected - margin)), a 0-dim
    tensor; accuracy = fraction of pairs with chosen > rejected (strict), a Python float.
    """
    raise NotImplementedError
