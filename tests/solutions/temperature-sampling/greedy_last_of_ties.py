# expect: wrong_answer greedy_ties_pick_the_first_index
# Greedy via the last column of an ascending stable argsort: among tied maxima it picks the highest index, not the first.
import torch


def sample_next_token(logits, temperature, generator):
    """One next token per row: argmax when temperature == 0, else a draw from softmax(logits / T)."""
    if temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    if temperature == 0:
        return logits.argsort(dim=-1, stable=True)[:, -1]  # the largest logit comes last
    probs = torch.softmax(logits / temperature, dim=-1)  # new tensor: logits is not modified
    return torch.multinomial(probs, num_samples=1, generator=generator).squeeze(-1)
