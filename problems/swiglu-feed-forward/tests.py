"""Hidden tests for swiglu-feed-forward."""

from mlkata.judge.api import Rand, WrongAnswer, backward, set_param, tensor, test

NAMES = ("w1", "w2", "w3")


def linears(m):
    """The three pinned submodules, refusing missing ones and biases."""
    subs = {}
    for name in NAMES:
        sub = getattr(m, name, None)
        if sub is None or not hasattr(sub, "weight"):
            raise WrongAnswer(f"the module has no linear submodule {name!r} (w1 = gate, w3 = up, w2 = down)")
        if getattr(sub, "bias", None) is not None:
            raise WrongAnswer(f"{name} has a bias: the LLaMA feed-forward uses bias=False")
        subs[name] = sub
    return subs


def shapes(m):
    return {f"{name}.weight.shape": tuple(int(s) for s in sub.weight.shape) for name, sub in linears(m).items()}


def build(cls, d_model, hidden_dim, seed):
    """The module with w1, w3 (hidden, d_model) and w2 (d_model, hidden) set from Rand(seed)."""
    m = cls(d_model, hidden_dim)
    linears(m)
    r = Rand(seed)
    set_param(m, "w1.weight", r.randn(hidden_dim, d_model, scale=d_model ** -0.5))
    set_param(m, "w3.weight", r.randn(hidden_dim, d_model, scale=d_model ** -0.5))
    set_param(m, "w2.weight", r.randn(d_model, hidden_dim, scale=hidden_dim ** -0.5))
    return m


def run(m, x):
    return tensor(m(x), "the output of forward")


@test
def explicit_hidden_dim_is_used_as_is(cls):
    # An explicit hidden_dim is not rounded, whatever multiple_of says.
    return {
        "SwiGLUFeedForward(6, 10)": shapes(cls(6, 10)),
        "SwiGLUFeedForward(8, 20, multiple_of=16)": shapes(cls(8, 20, multiple_of=16)),
    }


@test
def default_hidden_dim_follows_llama_rule(cls):
    # int(8 * d / 3) rounded up to multiple_of: 10 -> 26 -> 32, 9 -> 24, 16 -> 42 -> 48, 7 -> 18 -> 20.
    cases = {}
    for d_model, multiple_of in ((12, 8), (10, 8), (9, 8), (16, 16), (7, 4), (30, 1)):
        m = cls(d_model, multiple_of=multiple_of)
        cases[f"SwiGLUFeedForward({d_model}, multiple_of={multiple_of})"] = shapes(m)
    return cases


@test
def default_multiple_of_is_8(cls):
    # multiple_of left at its default, 8 (not Meta's 256): 10 -> 26 -> 32, 13 -> 34 -> 40.
    return {f"SwiGLUFeedForward({d})": shapes(cls(d)) for d in (10, 13)}


@test
def two_thirds_truncated_before_rounding(cls):
    # int(8 * d / 3) truncates: d = 7 gives 18.67 -> 18 (not 19), d = 10 gives 26.67 -> 26 (not 27);
    # with multiple_of 1 and 2 the difference survives the rounding up.
    return {
        "SwiGLUFeedForward(7, multiple_of=1)": shapes(cls(7, multiple_of=1)),
        "SwiGLUFeedForward(10, multiple_of=2)": shapes(cls(10, multiple_of=2)),
    }


@test
def output_matches_reference(cls):
    m = build(cls, 6, 10, seed=10)
    x = Rand(1).randn(2, 3, 6)
    return {"out": run(m, x)}


@test
def extra_and_no_leading_dimensions(cls):
    m = build(cls, 4, 12, seed=20)
    r = Rand(2)
    return {"out for (2, 3, 5, 4)": run(m, r.randn(2, 3, 5, 4)), "out for (4,)": run(m, r.randn(4))}


@test
def gradients_flow_to_input_and_all_weights(cls):
    m = build(cls, 6, 8, seed=50)
    x = Rand(5).randn(2, 4, 6).requires_grad_(True)
    backward(run(m, x), seed=51, what="the output")
    grads = {"x.grad": x.grad}
    for name in NAMES:
        grads[f"{name}.weight.grad"] = m.get_parameter(f"{name}.weight").grad
    return grads
