# expect: passed
# Correct alternative: all acceptance tests at once, the first rejection by argmax, the draw by searchsorted.
import torch


def speculative_accept(draft_tokens, q, p, accept_uniforms, sample_uniform):
    gamma, vocab = q.shape
    rows = torch.arange(gamma)
    p_x, q_x = p[rows, draft_tokens], q[rows, draft_tokens]
    rejected = accept_uniforms * q_x > p_x  # u > p(x) / q(x), without dividing
    if rejected.any():
        n = int(rejected.to(torch.int64).argmax())  # first True
        residual = torch.relu(p[n] - q[n])
        dist = residual / residual.sum()
    else:
        n = gamma
        dist = p[gamma].clone()
    cdf = dist.cumsum(0)
    u = torch.tensor([sample_uniform], dtype=cdf.dtype)
    token = torch.searchsorted(cdf, u, right=True)  # first index with cdf > u
    return torch.cat([draft_tokens[:n], token.to(torch.long)]), dist
