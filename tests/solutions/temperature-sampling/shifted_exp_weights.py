# expect: passed
# Correct alternative: unnormalised weights exp(logits / T - max) (multinomial normalises them), greedy via max().indices.
import torch


def sample_next_token(logits, temperature, generator):
    if temperature < 0:
        raise ValueError("negative temperature")
    if temperature == 0:
        return logits.max(dim=-1).indices
    scaled = logits / temperature
    weights = torch.exp(scaled - scaled.max(dim=-1, keepdim=True).values)
    return torch.multinomial(weights, 1, generator=generator)[:, 0]
