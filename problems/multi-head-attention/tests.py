"""Hidden tests for multi-head-attention."""

from mlkata.judge.api import Rand, WrongAnswer, backward, close, raises, same, set_param, tensor, test

PROJ = ("q_proj", "k_proj", "v_proj", "out_proj")


def build(mha_cls, d_model, num_heads, seed, bias=True):
    """The module with every projection set from Rand(seed)."""
    m = mha_cls(d_model, num_heads, bias=bias) if not bias else mha_cls(d_model, num_heads)
    r = Rand(seed)
    for name in PROJ:
        set_param(m, f"{name}.weight", r.randn(d_model, d_model, scale=d_model ** -0.5))
        if bias:
            set_param(m, f"{name}.bias", r.randn(d_model, scale=0.3))
    return m


def run(m, query, key, value, mask=None):
    out = m(query, key, value) if mask is None else m(query, key, value, mask=mask)
    return tensor(out, "the output of forward")


@test
def single_head_matches_reference(mha_cls):
    # One head: no split/merge to get wrong; checks projections, scale, softmax and out_proj.
    m = build(mha_cls, 8, 1, seed=10)
    x = Rand(1).randn(2, 4, 8)
    return {"out": run(m, x, x, x)}


@test
def multi_head_matches_reference(mha_cls):
    # d_head = 4 != num_heads = 3, so a wrong split or merge of the heads shows.
    m = build(mha_cls, 12, 3, seed=20)
    x = Rand(2).randn(2, 5, 12)
    return {"out": run(m, x, x, x)}


@test
def cross_attention_lq_differs_from_lk(mha_cls):
    # Lq = 3 queries attend over Lk = 6 keys; key and value are different tensors.
    m = build(mha_cls, 12, 3, seed=30)
    r = Rand(3)
    query, key, value = r.randn(2, 3, 12), r.randn(2, 6, 12), r.randn(2, 6, 12)
    return {"out": run(m, query, key, value)}


@test
def mask_lq_by_lk_broadcasts(mha_cls):
    # A (Lq, Lk) = (4, 6) mask shared by the batch and the heads.
    m = build(mha_cls, 12, 3, seed=40)
    r = Rand(4)
    query, key, value = r.randn(2, 4, 12), r.randn(2, 6, 12), r.randn(2, 6, 12)
    mask = Rand(41).mask(4, 6, p=0.5)
    return {"out": run(m, query, key, value, mask)}


def _padding_ignored(expected, got):
    same(expected["out"], got["out"], "out")
    close(got["out_with_other_padding"], got["out"], "out after changing key/value at padded (mask False) positions")


@test(check=_padding_ignored)
def padded_keys_do_not_change_output(mha_cls):
    # Key-padding mask (B, 1, 1, Lk): what sits at the padded positions must not matter.
    m = build(mha_cls, 12, 3, seed=50)
    r = Rand(5)
    query, key, value = r.randn(2, 3, 12), r.randn(2, 7, 12), r.randn(2, 7, 12)
    mask = Rand(51).mask(2, 1, 1, 7, p=0.6)
    out = run(m, query, key, value, mask)
    noise = Rand(52)
    key2 = key.masked_fill(~mask.view(2, 7, 1), 0.0) + noise.randn(2, 7, 12) * (~mask.view(2, 7, 1))
    value2 = value.masked_fill(~mask.view(2, 7, 1), 0.0) + noise.randn(2, 7, 12) * (~mask.view(2, 7, 1))
    out2 = run(m, query, key2, value2, mask)
    return {"out": out, "out_with_other_padding": out2}


@test
def per_head_mask_b_h_lq_lk(mha_cls):
    # A different mask for every (batch, head): (B, H, Lq, Lk) = (2, 3, 4, 5).
    m = build(mha_cls, 12, 3, seed=60)
    r = Rand(6)
    query, key, value = r.randn(2, 4, 12), r.randn(2, 5, 12), r.randn(2, 5, 12)
    mask = Rand(61).mask(2, 3, 4, 5, p=0.5)
    return {"out": run(m, query, key, value, mask)}


@test
def bias_false_has_no_bias(mha_cls):
    m = build(mha_cls, 12, 3, seed=70, bias=False)
    has_bias = {}
    for name in PROJ:
        sub = getattr(m, name, None)
        if sub is None:
            raise WrongAnswer(f"the module has no submodule {name!r}")
        has_bias[name] = getattr(sub, "bias", None) is not None
    r = Rand(7)
    query, key, value = r.randn(2, 3, 12), r.randn(2, 4, 12), r.randn(2, 4, 12)
    return {"has_bias": has_bias, "out": run(m, query, key, value)}


@test
def gradients_flow_to_inputs_and_weights(mha_cls):
    m = build(mha_cls, 12, 3, seed=80)
    r = Rand(8)
    query, key, value = r.randn(2, 3, 12), r.randn(2, 5, 12), r.randn(2, 5, 12)
    for t in (query, key, value):
        t.requires_grad_(True)
    mask = Rand(81).mask(2, 1, 3, 5, p=0.6)  # (B, 1, Lq, Lk)
    out = run(m, query, key, value, mask)
    backward(out, seed=82, what="the output")
    grads = {"query.grad": query.grad, "key.grad": key.grad, "value.grad": value.grad}
    for name in PROJ:
        grads[f"{name}.weight.grad"] = m.get_parameter(f"{name}.weight").grad
        grads[f"{name}.bias.grad"] = m.get_parameter(f"{name}.bias").grad
    return grads


@test
def output_keeps_input_dtype(mha_cls):
    # Module and inputs in float64 (the tests' one exception to float32): the output is float64 too.
    m = build(mha_cls, 12, 3, seed=90).double()
    r = Rand(9)
    query, key, value = (t.double() for t in (r.randn(2, 3, 12), r.randn(2, 5, 12), r.randn(2, 5, 12)))
    mask = Rand(91).mask(2, 1, 1, 5, p=0.6)
    return {"out": run(m, query, key, value, mask)}


@test
def invalid_num_heads_raise_value_error(mha_cls):
    mha_cls(12, 3)  # a valid module first: it must construct normally
    return {
        f"MultiHeadAttention({d}, {h})": raises(ValueError, mha_cls, d, h)
        for d, h in ((10, 3), (12, 0), (12, -3), (12, 5))
    }
