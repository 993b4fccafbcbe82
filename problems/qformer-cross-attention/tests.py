"""Hidden tests for qformer-cross-attention."""

from mlkata.judge.api import Rand, WrongAnswer, backward, close, raises, same, set_param, tensor, test

PROJ = ("q_proj", "k_proj", "v_proj", "out_proj")


def build(cls, d_model, vision_dim, num_heads, num_queries, seed):
    """The block with every parameter set from Rand(seed)."""
    m = cls(d_model, vision_dim, num_heads, num_queries)
    r = Rand(seed)
    set_param(m, "query_tokens", r.randn(1, num_queries, d_model))
    for attn in ("self_attn", "cross_attn"):
        for name in PROJ:
            fan_in = vision_dim if attn == "cross_attn" and name in ("k_proj", "v_proj") else d_model
            set_param(m, f"{attn}.{name}.weight", r.randn(d_model, fan_in, scale=fan_in**-0.5))
            set_param(m, f"{attn}.{name}.bias", r.randn(d_model, scale=0.3))
    for norm in ("norm1", "norm2"):
        set_param(m, f"{norm}.weight", 1.0 + r.randn(d_model, scale=0.2))
        set_param(m, f"{norm}.bias", r.randn(d_model, scale=0.2))
    return m


def run(m, image, mask=None):
    out = m(image) if mask is None else m(image, mask)
    return tensor(out, "the output of forward")


@test
def single_head_matches_reference(cls):
    # One head: checks the data flow, the projections from the image width and the LN placement.
    m = build(cls, 8, 6, 1, 3, seed=10)
    image = Rand(1).randn(2, 5, 6)
    return {"out": run(m, image)}


@test
def multi_head_matches_reference(cls):
    # d_head = 4 != num_heads = 3, vision_dim = 10, 4 queries over 7 patches.
    m = build(cls, 12, 10, 3, 4, seed=20)
    image = Rand(2).randn(2, 7, 10)
    return {"out": run(m, image)}


@test
def one_patch_and_many_queries(cls):
    # N_img = 1 < num_queries = 5: every query's cross-attention puts weight 1 on the only patch.
    m = build(cls, 8, 4, 2, 5, seed=30)
    image = Rand(3).randn(3, 1, 4)
    return {"out": run(m, image)}


def _padding_ignored(expected, got):
    same(expected["out"], got["out"], "out")
    close(got["out_with_other_padding"], got["out"], "out after changing the image features at padded (mask False) patches")


@test(check=_padding_ignored)
def padded_patches_do_not_change_output(cls):
    m = build(cls, 12, 6, 3, 4, seed=40)
    image = Rand(4).randn(2, 7, 6)
    mask = Rand(41).mask(2, 7, p=0.6)
    out = run(m, image, mask)
    noise = Rand(42).randn(2, 7, 6, scale=3.0)
    image2 = image.masked_fill(~mask.unsqueeze(-1), 0.0) + noise * (~mask.unsqueeze(-1))
    out2 = run(m, image2, mask)
    return {"out": out, "out_with_other_padding": out2}


@test
def gradients_flow_to_image_queries_and_weights(cls):
    m = build(cls, 12, 6, 3, 4, seed=50)
    image = Rand(5).randn(2, 5, 6)
    image.requires_grad_(True)
    mask = Rand(51).mask(2, 5, p=0.7)
    out = run(m, image, mask)
    backward(out, seed=52, what="the output")
    grads = {"image_features.grad": image.grad}
    names = ["query_tokens", "self_attn.q_proj.weight", "self_attn.out_proj.bias", "norm1.weight",
             "cross_attn.k_proj.weight", "cross_attn.v_proj.bias", "cross_attn.q_proj.weight", "norm2.bias"]
    for name in names:
        try:
            grads[f"{name}.grad"] = m.get_parameter(name).grad
        except AttributeError:
            raise WrongAnswer(f"the module has no parameter {name!r}") from None
    return grads


@test
def invalid_num_heads_raise_value_error(cls):
    cls(12, 6, 3, 4)  # a valid block first: it must construct normally
    return {
        f"QFormerBlock({d}, 6, {h}, 4)": raises(ValueError, cls, d, 6, h, 4)
        for d, h in ((10, 3), (12, 0), (12, -3), (12, 5))
    }


@test
def layer_norm_uses_default_eps(cls):
    # Query tokens and self-attention output of size ~1e-3: the input of norm1 has a variance
    # ~1e-6, so its eps shows (nn.LayerNorm's default 1e-5, not BERT's 1e-12 or ViT's 1e-6).
    m = build(cls, 8, 6, 2, 3, seed=60)
    r = Rand(61)
    set_param(m, "query_tokens", r.randn(1, 3, 8, scale=1e-3))
    set_param(m, "self_attn.out_proj.weight", r.randn(8, 8, scale=1e-3))
    set_param(m, "self_attn.out_proj.bias", r.randn(8, scale=1e-3))
    image = Rand(6).randn(2, 5, 6)
    return {"out": run(m, image)}
