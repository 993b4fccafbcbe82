# expect: wrong_answer samples_match_reference_with_seeded_generator
# Multiplies the logits by the temperature instead of dividing: low temperatures flatten the distribution.
import torch


def sample_next_token(logits, temperature, generator):
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    if temperature == 0:
        return logits.argmax(dim=-1)
    probs = torch.softmax(logits * temperature, dim=-1)
    return torch.multinomial(probs, num_samples=1, generator=generator).squeeze(-1)
