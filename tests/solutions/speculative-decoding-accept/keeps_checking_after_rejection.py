# expect: wrong_answer rejection_samples_from_normalised_residual
# Keeps every draft that passes its own test, skipping the rejected ones instead of stopping at the first rejection.
import torch


def speculative_accept(draft_tokens, q, p, accept_uniforms, sample_uniform):
    gamma = draft_tokens.shape[0]
    accepted, first_reject = [], None
    for i in range(gamma):
        x = int(draft_tokens[i])
        if accept_uniforms[i] <= p[i, x] / q[i, x]:
            accepted.append(x)
        elif first_reject is None:
            first_reject = i
    if first_reject is None:
        next_dist = p[gamma]
    else:
        residual = (p[first_reject] - q[first_reject]).clamp(min=0)
        next_dist = residual / residual.sum()
    token = int((torch.cumsum(next_dist, 0) <= sample_uniform).sum())
    return torch.tensor(accepted + [token]), next_dist
