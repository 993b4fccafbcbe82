import torch


def hard_negatives(sim, ids=None):
    """Hardest negative text for each image and hardest negative image for each text.

    sim: (N, N) float, sim[i, j] = similarity of image i and text j (pair i = image i, text i).
    ids: optional (N,) long; pairs with equal ids show the same image, so they are positives
    too. None means every pair is distinct.
    Returns (neg_text, neg_image), two (N,) long tensors: neg_text[i] = argmax over texts j
    with ids[j] != ids[i] of sim[i, j]; neg_image[j] = argmax over images i with
    ids[i] != ids[j] of sim[i, j]. Ties -> the lower index; no valid candidate -> -1.
    sim must not be modified.
    """
    raise NotImplementedError
