# expect: wrong_answer samples_match_reference_with_seeded_generator
# Samples with torch.distributions.Categorical, which ignores the generator and draws from the global RNG.
import torch


def sample_next_token(logits, temperature, generator):
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    if temperature == 0:
        return logits.argmax(dim=-1)
    return torch.distributions.Categorical(logits=logits / temperature).sample()
