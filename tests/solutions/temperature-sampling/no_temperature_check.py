# expect: wrong_answer negative_temperature_raises_value_error
# Never validates the temperature: a negative one silently inverts the distribution.
import torch


def sample_next_token(logits, temperature, generator):
    if temperature == 0:
        return logits.argmax(dim=-1)
    probs = torch.softmax(logits / temperature, dim=-1)
    return torch.multinomial(probs, num_samples=1, generator=generator).squeeze(-1)
