# expect: wrong_answer temperature_zero_is_greedy_and_draws_nothing
# Avoids the division by zero by clamping the temperature to 1e-6: the tokens are the argmax, but a random draw is still made.
import torch


def sample_next_token(logits, temperature, generator):
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    temperature = max(temperature, 1e-6)
    probs = torch.softmax(logits / temperature, dim=-1)
    return torch.multinomial(probs, num_samples=1, generator=generator).squeeze(-1)
