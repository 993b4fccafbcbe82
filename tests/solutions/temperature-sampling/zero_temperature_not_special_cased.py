# expect: runtime_error temperature_zero_is_greedy_and_draws_nothing
# No greedy branch: temperature 0 divides the logits by zero and the softmax is NaN.
import torch


def sample_next_token(logits, temperature, generator):
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    probs = torch.softmax(logits / temperature, dim=-1)
    return torch.multinomial(probs, num_samples=1, generator=generator).squeeze(-1)
