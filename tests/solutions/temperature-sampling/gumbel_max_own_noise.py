# expect: wrong_answer samples_match_reference_with_seeded_generator
# Gumbel-max with its own uniform draws from the generator: a valid sampler, but not the pinned multinomial draw.
import torch


def sample_next_token(logits, temperature, generator):
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    if temperature == 0:
        return logits.argmax(dim=-1)
    u = torch.rand(logits.shape, generator=generator)
    gumbel = -torch.log(-torch.log(u))
    return (logits / temperature + gumbel).argmax(dim=-1)
