# expect: runtime_error tiny_temperature_is_numerically_stable
# Hand-written softmax without subtracting the maximum: exp overflows to inf for small temperatures.
import torch


def sample_next_token(logits, temperature, generator):
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    if temperature == 0:
        return logits.argmax(dim=-1)
    e = torch.exp(logits / temperature)
    probs = e / e.sum(dim=-1, keepdim=True)
    return torch.multinomial(probs, num_samples=1, generator=generator).squeeze(-1)
