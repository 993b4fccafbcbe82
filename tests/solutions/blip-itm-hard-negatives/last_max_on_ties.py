# expect: wrong_answer ties_go_to_the_lowest_index
# Scans with >= so a later candidate with an equal similarity replaces the earlier one.
import torch


def hard_negatives(sim, ids=None):
    n = sim.shape[0]
    ids = list(range(n)) if ids is None else ids.tolist()
    s = sim.tolist()
    neg_text, neg_image = [], []
    for i in range(n):
        best, arg = float("-inf"), -1
        for j in range(n):
            if ids[j] != ids[i] and s[i][j] >= best:
                best, arg = s[i][j], j
        neg_text.append(arg)
    for j in range(n):
        best, arg = float("-inf"), -1
        for i in range(n):
            if ids[i] != ids[j] and s[i][j] >= best:
                best, arg = s[i][j], i
        neg_image.append(arg)
    return torch.tensor(neg_text), torch.tensor(neg_image)
