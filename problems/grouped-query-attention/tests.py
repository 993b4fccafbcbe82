"""Hidden tests for grouped-query-attention."""

from mlkata.judge.api import Rand, WrongAnswer, backward, close, raises, set_param, tensor, test

PROJ = ("q_proj", "k_proj", "v_proj", "o_proj")


def build(cls, d_model, n_heads, n_kv_heads, seed):
    """The module with every projection set from Rand(seed); refuses biases."""
    m = cls(d_model, n_heads, n_kv_heads)
    head_dim = d_model // n_heads
    shapes = {
        "q_proj": (n_heads * head_dim, d_model),
        "k_proj": (n_kv_heads * head_dim, d_model),
        "v_proj": (n_kv_heads * head_dim, d_model),
        "o_proj": (d_model, n_heads * head_dim),
    }
    r = Rand(seed)
    for name in PROJ:
        sub = getattr(m, name, None)
        if sub is None:
            raise WrongAnswer(f"the module has no submodule {name!r}")
        if getattr(sub, "bias", None) is not None:
            raise WrongAnswer(f"{name} has a bias: the projections must be created with bias=False")
        set_param(m, f"{name}.weight", r.randn(*shapes[name], scale=d_model ** -0.5))
    return m


def run(m, x):
    return tensor(m(x), "the output of forward")


def _causal(expected, got):
    close(
        got["out_after_changing_tokens_4_5"][:, :4],
        got["out"][:, :4],
        "outputs at positions 0-3 after changing only tokens 4-5 (they must not change)",
    )


@test(check=_causal)
def future_tokens_do_not_change_earlier_outputs(cls):
    m = build(cls, 16, 4, 2, seed=10)
    x = Rand(1).randn(2, 6, 16)
    x2 = x.clone()
    x2[:, 4:] = Rand(11).randn(2, 2, 16)
    return {"out": run(m, x), "out_after_changing_tokens_4_5": run(m, x2)}


@test
def equal_head_counts_is_multi_head_attention(cls):
    # n_kv_heads == n_heads = 3, head_dim = 4: plain causal multi-head attention.
    m = build(cls, 12, 3, 3, seed=20)
    x = Rand(2).randn(2, 5, 12)
    return {"out": run(m, x)}


@test
def consecutive_query_heads_share_a_kv_head(cls):
    # 4 query heads, 2 kv heads: heads 0, 1 use kv head 0 and heads 2, 3 use kv head 1 (not 0, 1, 0, 1).
    m = build(cls, 16, 4, 2, seed=30)
    x = Rand(3).randn(2, 5, 16)
    return {"out": run(m, x)}


@test
def multi_query_single_kv_head(cls):
    # n_kv_heads = 1: every query head attends with the same keys and values.
    m = build(cls, 12, 4, 1, seed=40)
    x = Rand(4).randn(2, 4, 12)
    return {"out": run(m, x)}


@test
def six_query_heads_three_kv_heads(cls):
    # Groups of 2 over 3 kv heads, head_dim = 3, and a single-sequence batch with 7 tokens.
    m = build(cls, 18, 6, 3, seed=50)
    x = Rand(5).randn(1, 7, 18)
    return {"out": run(m, x)}


@test
def single_query_head(cls):
    # n_heads = n_kv_heads = 1 is valid: one head of head_dim = d_model, plain causal attention.
    m = build(cls, 8, 1, 1, seed=70)
    x = Rand(7).randn(2, 4, 8)
    return {"out": run(m, x)}


@test
def gradients_flow_to_input_and_weights(cls):
    m = build(cls, 16, 4, 2, seed=60)
    x = Rand(6).randn(2, 5, 16).requires_grad_(True)
    backward(run(m, x), seed=61, what="the output")
    grads = {"x.grad": x.grad}
    for name in PROJ:
        grads[f"{name}.weight.grad"] = m.get_parameter(f"{name}.weight").grad
    return grads


@test
def invalid_head_counts_raise_value_error(cls):
    cls(16, 4, 2)  # a valid module first: it must construct normally
    return {
        f"GroupedQueryAttention({d}, {h}, {kv})": raises(ValueError, cls, d, h, kv)
        for d, h, kv in ((16, 4, 3), (18, 4, 2), (16, 0, 1), (16, 4, 0), (16, 2, 4))
    }
