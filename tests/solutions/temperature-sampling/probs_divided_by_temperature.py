# expect: wrong_answer samples_match_reference_with_seeded_generator
# Divides the probabilities by the temperature after the softmax: multinomial renormalises them, so the temperature has no effect.
import torch


def sample_next_token(logits, temperature, generator):
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    if temperature == 0:
        return logits.argmax(dim=-1)
    probs = torch.softmax(logits, dim=-1) / temperature
    return torch.multinomial(probs, num_samples=1, generator=generator).squeeze(-1)
