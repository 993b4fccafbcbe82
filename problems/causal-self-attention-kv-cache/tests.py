"""Hidden tests for causal-self-attention-kv-cache."""

import torch

from mlkata.judge.api import Fail, Rand, WrongAnswer, backward, close, fmt_shape, raises, same, set_param, tensor, test, unpack

PROJ = ("q_proj", "k_proj", "v_proj", "out_proj")
D, H = 12, 3  # head_dim = 4 != num_heads, so a wrong head split shows


def build(attn_cls, seed, d_model=D, num_heads=H):
    """The module with every projection set from Rand(seed)."""
    m = attn_cls(d_model, num_heads)
    r = Rand(seed)
    for name in PROJ:
        set_param(m, f"{name}.weight", r.randn(d_model, d_model, scale=d_model ** -0.5))
        set_param(m, f"{name}.bias", r.randn(d_model, scale=0.3))
    return m


def step(m, x, past_kv=None):
    """One call: (out, (k, v)), with the return checked for shape of the tuple."""
    result = m(x) if past_kv is None else m(x, past_kv=past_kv)
    what = "forward(x)" if past_kv is None else "forward(x, past_kv)"
    out, cache = unpack(result, 2, what)
    k, v = unpack(cache, 2, f"the cache returned by {what}")
    return tensor(out, "out"), (tensor(k, "k"), tensor(v, "v"))


def _same_shape(expected, got, key):
    e, g = expected[key], got[key]
    if tuple(g.shape) != tuple(e.shape):
        raise Fail(f"{key}: expected shape {fmt_shape(e.shape)}, got {fmt_shape(g.shape)}")


def _causal(expected, got):
    _same_shape(expected, got, "out")
    _same_shape(expected, got, "out_after_changing_tokens_4_5")
    close(
        got["out_after_changing_tokens_4_5"][:, :4],
        got["out"][:, :4],
        "outputs at positions 0-3 after changing only tokens 4-5 (they must not change)",
    )


@test(check=_causal)
def future_tokens_do_not_change_earlier_outputs(attn_cls):
    m = build(attn_cls, seed=10)
    x = Rand(1).randn(2, 6, D)
    x2 = x.clone()
    x2[:, 4:] = Rand(11).randn(2, 2, D)
    out, _ = step(m, x)
    out2, _ = step(m, x2)
    return {"out": out, "out_after_changing_tokens_4_5": out2}


@test
def full_sequence_matches_reference(attn_cls):
    m = build(attn_cls, seed=20)
    x = Rand(2).randn(2, 5, D)
    out, _ = step(m, x)
    return {"out": out}


@test
def returned_cache_shape_and_content(attn_cls):
    # No past: the cache holds the projected keys/values of all 5 tokens, (B, H, T, head_dim).
    m = build(attn_cls, seed=30)
    x = Rand(3).randn(2, 5, D)
    _, (k, v) = step(m, x)
    return {"k": k, "v": v}


def _stepwise_equals_full(expected, got):
    _same_shape(expected, got, "full")
    _same_shape(expected, got, "token_by_token")
    close(got["token_by_token"], got["full"], "token-by-token outputs (compared with one call on the whole sequence)")
    same(expected, got)


@test(check=_stepwise_equals_full)
def token_by_token_decoding_matches_full_call(attn_cls):
    m = build(attn_cls, seed=40)
    x = Rand(4).randn(2, 6, D)
    full, _ = step(m, x)
    outs, cache = [], None
    for t in range(x.shape[1]):
        out, cache = step(m, x[:, t : t + 1], cache)
        if tuple(out.shape) != (2, 1, D):
            raise WrongAnswer(f"decoding one token: out has shape {fmt_shape(out.shape)}, expected (2, 1, {D})")
        outs.append(out)
    k, v = cache
    return {"full": full, "token_by_token": torch.cat(outs, dim=1), "k": k, "v": v}


def _chunk_equals_full(expected, got):
    _same_shape(expected, got, "full[:, 4:]")
    _same_shape(expected, got, "chunk_out")
    close(
        got["chunk_out"],
        got["full[:, 4:]"],
        "out of a 3-token chunk after a 4-token prefill (compared with the same positions of one full call)",
    )
    same(expected, got)


@test(check=_chunk_equals_full)
def prefill_then_chunk_with_past(attn_cls):
    # Prefill 4 tokens, then 3 new tokens at once: the causal mask is (3, 7), offset by the past.
    m = build(attn_cls, seed=50)
    x = Rand(5).randn(2, 7, D)
    full, _ = step(m, x)
    _, cache = step(m, x[:, :4])
    chunk_out, (k, v) = step(m, x[:, 4:], cache)
    return {"full[:, 4:]": full[:, 4:], "chunk_out": chunk_out, "k": k, "v": v}


@test
def given_past_kv_is_used_as_is(attn_cls):
    # A past built by the test, in the contract's layout (B, H, T_past, head_dim), already projected.
    m = build(attn_cls, seed=60)
    r = Rand(6)
    past = (r.randn(2, H, 5, D // H), r.randn(2, H, 5, D // H))
    x = r.randn(2, 3, D)
    out, (k, v) = step(m, x, past)
    return {"out": out, "k": k, "v": v}


@test
def gradients_flow_through_cache(attn_cls):
    m = build(attn_cls, seed=70)
    r = Rand(7)
    x1, x2 = r.randn(2, 3, D), r.randn(2, 2, D)
    x1.requires_grad_(True)
    x2.requires_grad_(True)
    _, cache = step(m, x1)
    out2, _ = step(m, x2, cache)
    backward(out2, seed=71, what="out of the second call")
    if x1.grad is None:
        raise WrongAnswer(
            "no gradient reached the first call's input through the cache: the cached k, v were detached"
        )
    grads = {"x1.grad": x1.grad, "x2.grad": x2.grad}
    for name in ("q_proj", "k_proj", "v_proj"):
        grads[f"{name}.weight.grad"] = m.get_parameter(f"{name}.weight").grad
    return grads


@test
def invalid_num_heads_raise_value_error(attn_cls):
    attn_cls(12, 3)  # a valid module first: it must construct normally
    return {
        f"CausalSelfAttention({d}, {h})": raises(ValueError, attn_cls, d, h)
        for d, h in ((10, 3), (12, 0), (12, -3), (12, 5))
    }


def _keeps_dtype(expected, got):
    for key in ("out", "k", "v"):
        if got[key].dtype != expected[key].dtype:
            raise Fail(f"{key} is {str(got[key].dtype).replace('torch.', '')} for float64 inputs: outputs keep the input dtype")
    same(expected, got)


@test(check=_keeps_dtype)
def float64_inputs_keep_their_dtype(attn_cls):
    m = build(attn_cls, seed=80).double()
    r = Rand(8)
    x1, x2 = r.randn(2, 3, D).double(), r.randn(2, 2, D).double()
    _, cache = step(m, x1)
    out, (k, v) = step(m, x2, cache)
    return {"out": out, "k": k, "v": v}


@test
def single_head_is_valid(attn_cls):
    # num_heads = 1 is a valid configuration (head_dim = d_model): it constructs and attends normally.
    m = build(attn_cls, seed=90, d_model=8, num_heads=1)
    x = Rand(9).randn(2, 4, 8)
    out, (k, v) = step(m, x)
    return {"out": out, "k": k, "v": v}
