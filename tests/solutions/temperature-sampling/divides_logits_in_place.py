# expect: wrong_answer logits_are_not_modified
# Scales the caller's logits in place (logits /= temperature).
import torch


def sample_next_token(logits, temperature, generator):
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    if temperature == 0:
        return logits.argmax(dim=-1)
    logits /= temperature
    probs = torch.softmax(logits, dim=-1)
    return torch.multinomial(probs, num_samples=1, generator=generator).squeeze(-1)
