"""Hidden tests for pre-norm-decoder-block."""

import torch

from mlkata.judge.api import Rand, WrongAnswer, backward, close, raises, set_param, tensor, test


def param_shapes(d_model, hidden_dim):
    d, f = d_model, hidden_dim
    return {
        "attn_norm.weight": (d,),
        "attn.q_proj.weight": (d, d),
        "attn.k_proj.weight": (d, d),
        "attn.v_proj.weight": (d, d),
        "attn.o_proj.weight": (d, d),
        "ffn_norm.weight": (d,),
        "ffn.w1.weight": (f, d),
        "ffn.w3.weight": (f, d),
        "ffn.w2.weight": (d, f),
    }


def build(cls, d_model, n_heads, hidden_dim, seed, zero=(), **kwargs):
    """The block with every parameter set from Rand(seed) (those in `zero` set to 0)."""
    m = cls(d_model, n_heads, hidden_dim, **kwargs)
    shapes = param_shapes(d_model, hidden_dim)
    extra = [name for name, _ in m.named_parameters() if name not in shapes]
    if extra:
        raise WrongAnswer(f"unexpected parameter {extra[0]!r}: the block has exactly the parameters listed in the statement (no biases)")
    r = Rand(seed)
    for name, shape in shapes.items():
        if name.endswith("norm.weight"):
            value = 1.0 + r.randn(*shape, scale=0.3)
        else:
            value = r.randn(*shape, scale=shape[1] ** -0.5)
        set_param(m, name, torch.zeros(shape) if name in zero else value)
    return m


def run(m, x):
    return tensor(m(x), "the output of forward")


@test
def parameter_names_and_shapes(cls):
    m = cls(12, 3, 20)
    return {"parameters": {name: tuple(int(s) for s in p.shape) for name, p in m.named_parameters()}}


@test
def norm_gains_initialised_to_ones(cls):
    # A freshly constructed block, before the tests set any parameter.
    m = cls(12, 3, 20)
    return {name: m.get_parameter(name).detach().clone() for name in ("attn_norm.weight", "ffn_norm.weight")}


def _identity(expected, got):
    close(got["out"], got["x"], "out with attn.o_proj and ffn.w2 set to zero (a pre-norm block must return x unchanged)")


@test(check=_identity)
def zero_sublayers_give_identity(cls):
    # With both sublayer outputs zeroed, only the residual stream remains: out == x exactly.
    m = build(cls, 12, 3, 20, seed=20, zero=("attn.o_proj.weight", "ffn.w2.weight"))
    x = Rand(2).randn(2, 4, 12) + 0.5
    return {"out": run(m, x), "x": x}


def _causal(expected, got):
    close(
        got["out_after_changing_tokens_4_5"][:, :4],
        got["out"][:, :4],
        "outputs at positions 0-3 after changing only tokens 4-5 (they must not change)",
    )


@test(check=_causal)
def future_tokens_do_not_change_earlier_outputs(cls):
    m = build(cls, 12, 3, 20, seed=30)
    x = Rand(3).randn(2, 6, 12)
    x2 = x.clone()
    x2[:, 4:] = Rand(31).randn(2, 2, 12)
    return {"out": run(m, x), "out_after_changing_tokens_4_5": run(m, x2)}


@test
def output_matches_reference(cls):
    # d_model 12, 3 heads of 4, hidden 20; rows with a non-zero mean so LayerNorm and RMSNorm differ.
    m = build(cls, 12, 3, 20, seed=40)
    x = Rand(4).randn(2, 5, 12) + torch.linspace(-0.5, 1.0, 12)
    return {"out": run(m, x)}


@test
def four_heads_longer_sequence(cls):
    m = build(cls, 16, 4, 24, seed=50)
    x = Rand(5).randn(1, 7, 16)
    return {"out": run(m, x)}


@test
def single_head(cls):
    # n_heads = 1 is valid: one head of width d_model, scaled by 1 / sqrt(d_model).
    m = build(cls, 8, 1, 12, seed=55)
    x = Rand(56).randn(2, 4, 8)
    return {"out": run(m, x)}


@test
def custom_eps_is_used(cls):
    # eps = 0.5 with unit-scale rows: ignoring the argument changes both norms' outputs by ~20%.
    m = build(cls, 12, 3, 20, seed=60, eps=0.5)
    x = Rand(6).randn(2, 3, 12)
    return {"out": run(m, x)}


@test
def gradients_flow_to_input_and_every_parameter(cls):
    m = build(cls, 12, 3, 16, seed=70)
    x = Rand(7).randn(2, 4, 12).requires_grad_(True)
    backward(run(m, x), seed=71, what="the output")
    grads = {"x.grad": x.grad}
    for name in param_shapes(12, 16):
        grads[f"{name}.grad"] = m.get_parameter(name).grad
    return grads


@test
def invalid_num_heads_raise_value_error(cls):
    cls(12, 3, 20)  # a valid block first: it must construct normally
    return {
        f"DecoderBlock({d}, {h}, 20)": raises(ValueError, cls, d, h, 20)
        for d, h in ((10, 3), (12, 0), (12, -3), (12, 5))
    }
