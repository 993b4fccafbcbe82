"""Hidden tests for transformer-decoder-layer."""

import torch

from mlkata.judge.api import Rand, WrongAnswer, backward, close, raises, same, set_param, tensor, test


def param_shapes(d_model, d_ff):
    d, f = d_model, d_ff
    shapes = {}
    for block in ("self_attn", "cross_attn"):
        for proj in ("q_proj", "k_proj", "v_proj", "out_proj"):
            shapes[f"{block}.{proj}.weight"] = (d, d)
            shapes[f"{block}.{proj}.bias"] = (d,)
    shapes.update({"linear1.weight": (f, d), "linear1.bias": (f,), "linear2.weight": (d, f), "linear2.bias": (d,)})
    for norm in ("norm1", "norm2", "norm3"):
        shapes[f"{norm}.weight"] = (d,)
        shapes[f"{norm}.bias"] = (d,)
    return shapes


def random_params(d_model, d_ff, seed):
    r = Rand(seed)
    params = {}
    for name, shape in param_shapes(d_model, d_ff).items():
        if name.startswith("norm") and name.endswith("weight"):
            params[name] = 1.0 + r.randn(*shape, scale=0.3)
        elif name.endswith("bias"):
            params[name] = r.randn(*shape, scale=0.2)
        else:
            params[name] = r.randn(*shape, scale=shape[1] ** -0.5)
    return params


def build(cls, d_model, n_heads, d_ff, seed, zero=(), **kwargs):
    """The layer with every parameter set from Rand(seed) (those in `zero` set to 0)."""
    m = cls(d_model, n_heads, d_ff, **kwargs)
    shapes = param_shapes(d_model, d_ff)
    extra = [name for name, _ in m.named_parameters() if name not in shapes]
    if extra:
        raise WrongAnswer(f"unexpected parameter {extra[0]!r}: the layer has exactly the 26 parameters listed in the statement")
    for name, value in random_params(d_model, d_ff, seed).items():
        set_param(m, name, torch.zeros_like(value) if name in zero else value)
    return m


def run(m, x, memory, memory_mask=None):
    out = m(x, memory) if memory_mask is None else m(x, memory, memory_mask)
    return tensor(out, "the output of forward")


def inputs(seed, b=2, t=5, s=7, d=12):
    r = Rand(seed)
    return r.randn(b, t, d) + torch.linspace(-0.5, 1.0, d), r.randn(b, s, d)


def torch_layer_output(params, x, memory, memory_mask, n_heads, d_ff, norm_first, eps):
    """nn.TransformerDecoderLayer with the same weights (run on the trusted side)."""
    d = x.shape[-1]
    layer = torch.nn.TransformerDecoderLayer(
        d, n_heads, d_ff, dropout=0.0, batch_first=True, norm_first=norm_first, layer_norm_eps=eps
    )
    with torch.no_grad():
        for ours, theirs in (("self_attn", layer.self_attn), ("cross_attn", layer.multihead_attn)):
            theirs.in_proj_weight.copy_(torch.cat([params[f"{ours}.{p}_proj.weight"] for p in "qkv"]))
            theirs.in_proj_bias.copy_(torch.cat([params[f"{ours}.{p}_proj.bias"] for p in "qkv"]))
            theirs.out_proj.weight.copy_(params[f"{ours}.out_proj.weight"])
            theirs.out_proj.bias.copy_(params[f"{ours}.out_proj.bias"])
        for name in ("linear1", "linear2", "norm1", "norm2", "norm3"):
            getattr(layer, name).weight.copy_(params[f"{name}.weight"])
            getattr(layer, name).bias.copy_(params[f"{name}.bias"])
        t = x.shape[1]
        causal = torch.ones(t, t, dtype=torch.bool).triu(1)  # True = may NOT attend, torch's convention
        padding = None if memory_mask is None else ~memory_mask
        return layer.eval()(x, memory, tgt_mask=causal, memory_key_padding_mask=padding)


def _matches_torch(expected, got):
    want = torch_layer_output(
        expected["params"], expected["x"], expected["memory"], expected["memory_mask"],
        expected["n_heads"], expected["d_ff"], expected["norm_first"], expected["eps"],
    )
    close(got["out"], want, "out (compared with nn.TransformerDecoderLayer)")
    same(expected["out"], got["out"], "out")


@test
def parameter_names_and_shapes(cls):
    m = cls(12, 3, 20)
    return {"parameters": {name: tuple(int(s) for s in p.shape) for name, p in m.named_parameters()}}


@test
def norms_initialised_to_ones_and_zeros(cls):
    m = cls(12, 3, 20)
    names = [f"norm{i}.{w}" for i in (1, 2, 3) for w in ("weight", "bias")]
    return {name: m.get_parameter(name).detach().clone() for name in names}


@test
def post_norm_output_matches_reference(cls):
    m = build(cls, 12, 3, 20, seed=10)
    x, memory = inputs(1)
    return {"out": run(m, x, memory)}


@test(check=_matches_torch)
def post_norm_matches_torch_decoder_layer(cls):
    params = random_params(12, 24, seed=20)
    m = build(cls, 12, 3, 24, seed=20)
    x, memory = inputs(2, t=4, s=6)
    mask = Rand(21).mask(2, 6, p=0.6)
    return {"out": run(m, x, memory, mask), "params": params, "x": x, "memory": memory, "memory_mask": mask,
            "n_heads": 3, "d_ff": 24, "norm_first": False, "eps": 1e-5}


@test
def pre_norm_output_matches_reference(cls):
    m = build(cls, 12, 3, 20, seed=30, norm_first=True)
    x, memory = inputs(3)
    return {"out": run(m, x, memory)}


@test(check=_matches_torch)
def pre_norm_matches_torch_decoder_layer(cls):
    params = random_params(16, 20, seed=40)
    m = build(cls, 16, 4, 20, seed=40, norm_first=True)
    x, memory = inputs(4, t=6, s=3, d=16)
    mask = Rand(41).mask(2, 3, p=0.6)
    return {"out": run(m, x, memory, mask), "params": params, "x": x, "memory": memory, "memory_mask": mask,
            "n_heads": 4, "d_ff": 20, "norm_first": True, "eps": 1e-5}


def _identity(expected, got):
    close(got["out"], got["x"], "out with every out_proj and linear2 set to zero (a pre-norm layer must return x unchanged)")


@test(check=_identity)
def pre_norm_zero_sublayers_give_identity(cls):
    zero = [f"{b}.out_proj.{w}" for b in ("self_attn", "cross_attn") for w in ("weight", "bias")] + ["linear2.weight", "linear2.bias"]
    m = build(cls, 12, 3, 20, seed=50, zero=zero, norm_first=True)
    x, memory = inputs(5)
    return {"out": run(m, x, memory), "x": x}


def _causal(expected, got):
    close(got["out_after_changing_tokens_3_4"][:, :3], got["out"][:, :3],
          "outputs at positions 0-2 after changing only decoder tokens 3-4 (they must not change)")
    same(expected["out"], got["out"], "out")


@test(check=_causal)
def future_tokens_do_not_change_earlier_outputs(cls):
    m = build(cls, 12, 3, 20, seed=60)
    x, memory = inputs(6)
    x2 = x.clone()
    x2[:, 3:] = Rand(61).randn(2, 2, 12)
    return {"out": run(m, x, memory), "out_after_changing_tokens_3_4": run(m, x2, memory)}


def _step_by_step(expected, got):
    close(got["step by step"], got["parallel"], "outputs decoded one prefix at a time vs the teacher-forced parallel pass")
    same(expected["parallel"], got["parallel"], "parallel")


@test(check=_step_by_step)
def teacher_forcing_matches_step_by_step(cls):
    m = build(cls, 12, 3, 20, seed=70, norm_first=True)
    x, memory = inputs(7, t=4)
    parallel = run(m, x, memory)
    steps = [run(m, x[:, : i + 1], memory)[:, i] for i in range(4)]
    return {"parallel": parallel, "step by step": torch.stack(steps, dim=1)}


@test
def memory_length_differs_from_target(cls):
    # T = 2 decoder tokens, S = 9 memory tokens.
    m = build(cls, 12, 3, 20, seed=80)
    x, memory = inputs(8, t=2, s=9)
    return {"out": run(m, x, memory)}


def _padding_ignored(expected, got):
    close(got["out with other padding"], got["out"], "out after changing only the padded memory tokens (they must get zero weight)")
    same(expected["out"], got["out"], "out")


@test(check=_padding_ignored)
def padded_memory_tokens_are_ignored(cls):
    m = build(cls, 12, 3, 20, seed=90)
    x, memory = inputs(9, s=6)
    mask = torch.tensor([[True] * 6, [True, True, True, False, False, False]])
    memory2 = torch.where(mask.unsqueeze(-1), memory, Rand(91).randn(2, 6, 12, scale=5.0))
    return {"out": run(m, x, memory, mask), "out with other padding": run(m, x, memory2, mask)}


@test
def batch_of_one_sequence(cls):
    # B = 1 (decoding one sentence), no memory mask.
    m = build(cls, 12, 3, 20, seed=95)
    x, memory = inputs(95, b=1, t=3, s=5)
    return {"out": run(m, x, memory)}


@test
def single_head(cls):
    m = build(cls, 8, 1, 16, seed=100)
    x, memory = inputs(10, t=3, s=4, d=8)
    return {"out": run(m, x, memory)}


@test
def custom_eps_is_used(cls):
    # eps = 0.5 on unit-scale rows: every LayerNorm's output changes by ~20%.
    m = build(cls, 12, 3, 20, seed=110, eps=0.5)
    x, memory = inputs(11, t=3, s=4)
    return {"out": run(m, x, memory)}


@test
def gradients_flow_to_inputs_and_every_parameter(cls):
    m = build(cls, 12, 3, 16, seed=120, norm_first=True)
    x, memory = inputs(12, t=3, s=4)
    x.requires_grad_(True)
    memory.requires_grad_(True)
    backward(run(m, x, memory), seed=121, what="the output")
    grads = {"x.grad": x.grad, "memory.grad": memory.grad}
    for name in param_shapes(12, 16):
        grads[f"{name}.grad"] = m.get_parameter(name).grad
    return grads


@test
def invalid_num_heads_raise_value_error(cls):
    cls(12, 3, 20)  # a valid layer first: it must construct normally
    return {f"DecoderLayer({d}, {h}, 20)": raises(ValueError, cls, d, h, 20) for d, h in ((10, 3), (12, 0), (12, -3), (12, 5))}
