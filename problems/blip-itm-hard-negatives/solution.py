import torch


def hard_negatives(sim, ids=None):
    """Hardest negative text for each image and hardest negative image for each text."""
    n = sim.shape[0]
    if ids is None:
        ids = torch.arange(n, device=sim.device)
    positive = ids[:, None] == ids[None, :]  # (N, N): same image = not a negative
    masked = sim.detach().masked_fill(positive, float("-inf"))  # a new tensor: sim is untouched
    neg_text = masked.argmax(dim=1)  # over the texts of each image row (first max on ties)
    neg_image = masked.argmax(dim=0)  # over the images of each text column
    neg_text[positive.all(dim=1)] = -1
    neg_image[positive.all(dim=0)] = -1
    return neg_text, neg_image
