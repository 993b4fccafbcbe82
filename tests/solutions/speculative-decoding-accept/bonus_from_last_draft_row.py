# expect: wrong_answer all_drafts_accepted_appends_bonus_token
# The bonus token was drawn from p[gamma - 1]: after gamma accepted drafts it comes from the target's extra row p[gamma].
import torch


def speculative_accept(draft_tokens, q, p, accept_uniforms, sample_uniform):
    gamma = draft_tokens.shape[0]
    accepted = []
    next_dist = p[gamma - 1]  # every draft accepted: the bonus token comes from the target's extra row
    for i in range(gamma):
        x = int(draft_tokens[i])
        if accept_uniforms[i] <= p[i, x] / q[i, x]:  # accept with probability min(1, p(x) / q(x))
            accepted.append(x)
            continue
        residual = torch.clamp(p[i] - q[i], min=0.0)  # max(0, p - q), then normalised
        next_dist = residual / residual.sum()
        break
    cdf = torch.cumsum(next_dist, dim=0)
    token = int((cdf <= sample_uniform).sum())  # inverse CDF: the smallest j with cdf[j] > u
    return torch.tensor(accepted + [token], dtype=torch.long), next_dist
