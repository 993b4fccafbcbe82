import torch


def sample_next_token(logits, temperature, generator):
    """Sample one next token per row of logits (B, V).

    temperature > 0: probs = softmax(logits / temperature) over the vocabulary, then exactly one
    torch.multinomial(probs, num_samples=1, generator=generator) call for the whole batch.
    temperature == 0: greedy argmax, the generator untouched. temperature < 0: ValueError.
    Returns an int64 tensor of shape (B,).
    """
    raise NotImplementedError
