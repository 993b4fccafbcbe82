# mistake: the token after a rejection was drawn from p: sample from the residual max(0, p - q), normalised, or the accepted mass is counted twice
import torch


def speculative_accept(draft_tokens, q, p, accept_uniforms, sample_uniform):
    gamma = draft_tokens.shape[0]
    accepted = []
    next_dist = p[gamma]  # every draft accepted: the bonus token comes from the target's extra row
    for i in range(gamma):
        x = int(draft_tokens[i])
        if accept_uniforms[i] <= p[i, x] / q[i, x]:  # accept with probability min(1, p(x) / q(x))
            accepted.append(x)
            continue
        next_dist = p[i]
        break
    cdf = torch.cumsum(next_dist, dim=0)
    token = int((cdf <= sample_uniform).sum())  # inverse CDF: the smallest j with cdf[j] > u
    return torch.tensor(accepted + [token], dtype=torch.long), next_dist
