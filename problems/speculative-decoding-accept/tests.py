"""Hidden tests for speculative-decoding-accept."""

import torch

from mlkata.judge.api import Fail, Rand, same, tensor, test, unpack

CALL = "speculative_accept(draft_tokens, q, p, accept_uniforms, sample_uniform)"


def verify(fn, draft_tokens, q, p, u, s):
    tokens, next_dist = unpack(fn(draft_tokens, q, p, u, s), 2, CALL)
    return {"tokens": tensor(tokens, "tokens"), "next_dist": tensor(next_dist, "next_dist")}


def dists(seed, rows, vocab, scale=1.5):
    """rows probability vectors over vocab (a softmax of seeded logits)."""
    return torch.softmax(Rand(seed).randn(rows, vocab, scale=scale), dim=-1)


def drafted(seed, q):
    """Draft tokens sampled from q, one per row, with a private generator."""
    g = torch.Generator().manual_seed(seed)
    return torch.multinomial(q, 1, generator=g).squeeze(1)


def pt(rows):
    return torch.tensor(rows, dtype=torch.float32)


# A hand-built step over V = 4 tokens with gamma = 3 drafts: 2, 0, 1.
Q3 = pt([[0.1, 0.2, 0.6, 0.1], [0.5, 0.2, 0.2, 0.1], [0.25, 0.25, 0.25, 0.25]])
P3 = pt([[0.1, 0.1, 0.7, 0.1], [0.25, 0.25, 0.25, 0.25], [0.1, 0.6, 0.2, 0.1], [0.4, 0.3, 0.2, 0.1]])
D3 = torch.tensor([2, 0, 1])


@test
def all_drafts_accepted_appends_bonus_token(fn):
    # Ratios 7/6, 1/2, 12/5 and uniforms 0.9, 0.3, 0.8: all three accepted, then a bonus token
    # drawn from p[gamma] (the target's extra row), so four tokens in all.
    return verify(fn, D3.clone(), Q3.clone(), P3.clone(), pt([0.9, 0.3, 0.8]), 0.55)


@test
def rejection_samples_from_normalised_residual(fn):
    # Draft 0 at position 1 has ratio 0.25 / 0.5 = 0.5 < 0.7: rejected. The next token comes from
    # max(0, p[1] - q[1]) = (0, 0.05, 0.05, 0.15), normalised to (0, 0.2, 0.2, 0.6).
    return verify(fn, D3.clone(), Q3.clone(), P3.clone(), pt([0.9, 0.7, 0.1]), 0.3)


@test
def acceptance_ratio_is_target_over_draft(fn):
    # Target/draft = 0.25 / 0.5 = 0.5 and draft/target = 2: u = 0.6 must reject.
    return verify(fn, D3[1:].clone(), Q3[1:].clone(), P3[1:].clone(), pt([0.6, 0.2]), 0.9)


@test
def first_draft_rejected_gives_one_token(fn):
    q = pt([[0.7, 0.1, 0.1, 0.1], [0.25, 0.25, 0.25, 0.25]])
    p = pt([[0.2, 0.3, 0.1, 0.4], [0.1, 0.2, 0.3, 0.4], [0.5, 0.2, 0.2, 0.1]])
    return verify(fn, torch.tensor([0, 3]), q, p, pt([0.5, 0.01]), 0.7)


@test
def stops_at_first_rejection(fn):
    # Position 0 is rejected; position 1 would be accepted (u = 0.01), but it is never examined.
    q = pt([[0.1, 0.7, 0.1, 0.1], [0.1, 0.1, 0.1, 0.7]])
    p = pt([[0.3, 0.2, 0.3, 0.2], [0.1, 0.1, 0.1, 0.7], [0.25, 0.25, 0.25, 0.25]])
    return verify(fn, torch.tensor([1, 3]), q, p, pt([0.5, 0.01]), 0.6)


@test
def uniform_equal_to_ratio_accepts(fn):
    # p(x) / q(x) = 0.25 / 0.5 = 0.5 exactly and u = 0.5: accept when u <= p(x) / q(x).
    q = pt([[0.5, 0.25, 0.25, 0.0]])
    p = pt([[0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4]])
    return verify(fn, torch.tensor([0]), q, p, pt([0.5]), 0.35)


@test
def ratio_above_one_always_accepts(fn):
    # The target likes the draft more than the draft did: accepted even with u = 0.999.
    q = pt([[0.05, 0.05, 0.8, 0.1], [0.3, 0.3, 0.2, 0.2]])
    p = pt([[0.0, 0.05, 0.9, 0.05], [0.4, 0.3, 0.2, 0.1], [0.1, 0.1, 0.1, 0.7]])
    return verify(fn, torch.tensor([2, 0]), q, p, pt([0.999, 0.999]), 0.05)


@test
def target_probability_zero_always_rejects(fn):
    # p(x) = 0: the ratio is 0 and u > 0, so the draft is rejected even with a tiny u.
    q = pt([[0.4, 0.3, 0.2, 0.1]])
    p = pt([[0.0, 0.5, 0.2, 0.3], [0.25, 0.25, 0.25, 0.25]])
    return verify(fn, torch.tensor([0]), q, p, pt([1e-4]), 0.3)


def _residual_support(expected, got):
    dist, q_row, p_row = got["next_dist"], got["q[0]"], got["p[0]"]
    if dist.shape == p_row.shape:
        bad = (p_row <= q_row) & (dist != 0)
        if bool(bad.any()):
            j = int(bad.nonzero()[0, 0])
            raise Fail(
                f"next_dist gives token {j} probability {float(dist[j]):.4g} after a rejection, but p[{j}] <= q[{j}]: "
                "the residual max(0, p - q) is zero there"
            )
    same(expected["next_dist"], got["next_dist"], "next_dist")
    same(expected["tokens"], got["tokens"], "tokens")


@test(check=_residual_support)
def residual_is_zero_where_draft_exceeds_target(fn):
    q = dists(1, 1, 9)
    p = dists(2, 2, 9)
    draft = torch.tensor([int(torch.argmax(q[0] - p[0]))])  # the token the draft overrates most
    out = verify(fn, draft, q, p, pt([0.999]), 0.5)
    return {**out, "q[0]": q[0], "p[0]": p[0]}


@test
def next_token_is_inverse_cdf_sample(fn):
    # The same rejection with different sample_uniforms: token j is the smallest with cdf[j] > u.
    q = pt([[0.5, 0.2, 0.2, 0.1]])
    p = pt([[0.1, 0.3, 0.2, 0.4], [0.25, 0.25, 0.25, 0.25]])  # residual (0, 0.1, 0, 0.3) -> (0, 0.25, 0, 0.75)
    return {
        f"tokens (sample_uniform={s})": verify(fn, torch.tensor([0]), q, p, pt([0.9]), s)["tokens"]
        for s in (0.01, 0.2, 0.3, 0.99)
    }


@test
def random_steps_match_reference(fn):
    results = {}
    r = Rand(3).py
    for case in range(30):
        gamma, vocab = r.randint(1, 8), r.randint(2, 64)
        q = dists(100 + case, gamma, vocab)
        # The target is the draft nudged towards other logits, so some drafts pass and some fail.
        p = torch.softmax(torch.log(torch.cat([q, dists(200 + case, 1, vocab)])) + Rand(300 + case).randn(gamma + 1, vocab), dim=-1)
        u = Rand(400 + case).rand(gamma, low=0.01, high=0.99)
        out = verify(fn, drafted(500 + case, q), q, p, u, r.uniform(0.01, 0.99))
        results[f"case {case}: tokens"] = out["tokens"]
        results[f"case {case}: next_dist"] = out["next_dist"]
    return results


@test
def float64_inputs_give_float64_distribution(fn):
    q = dists(6, 3, 7).double()
    p = dists(7, 4, 7).double()
    return verify(fn, drafted(8, q), q, p, pt([0.2, 0.9, 0.3]).double(), 0.42)


def _unchanged(expected, got):
    for name in ("draft_tokens", "q", "p", "accept_uniforms"):
        if not torch.equal(got[f"{name} after the call"], got[f"{name} before the call"]):
            raise Fail(f"speculative_accept modified {name} in place: compute on copies")


@test(check=_unchanged)
def inputs_are_not_modified(fn):
    q = dists(10, 4, 6)
    p = dists(11, 5, 6)
    draft, u = drafted(12, q), Rand(13).rand(4, low=0.01, high=0.99)
    before = {name: t.clone() for name, t in (("draft_tokens", draft), ("q", q), ("p", p), ("accept_uniforms", u))}
    verify(fn, draft, q, p, u, 0.5)
    out = {f"{name} before the call": t for name, t in before.items()}
    out.update({"draft_tokens after the call": draft, "q after the call": q, "p after the call": p, "accept_uniforms after the call": u})
    return out
