"""Hidden tests for vit-patch-embedding."""

from mlkata.judge.api import Rand, backward, raises, set_param, tensor, test


def build(cls, image_size, p, c, d, seed):
    """The module with proj, cls_token and pos_embed set from Rand(seed)."""
    m = cls(image_size, p, c, d)
    h, w = (image_size, image_size) if isinstance(image_size, int) else image_size
    n = (h // p) * (w // p)
    r = Rand(seed)
    set_param(m, "proj.weight", r.randn(d, c * p * p, scale=(c * p * p) ** -0.5))
    set_param(m, "proj.bias", r.randn(d, scale=0.3))
    set_param(m, "cls_token", r.randn(1, 1, d))
    set_param(m, "pos_embed", r.randn(1, 1 + n, d, scale=0.5))
    return m


def run(m, x):
    return tensor(m(x), "the output of forward")


@test
def cls_token_first_with_position_0(cls):
    # Token 0 of every image must be cls_token + pos_embed[:, 0], whatever the pixels.
    m = build(cls, 8, 4, 3, 6, seed=10)
    x = Rand(1).randn(3, 3, 8, 8)
    out = run(m, x)
    return {"out[:, 0] (class token)": out[:, 0], "out.shape": list(out.shape)}


@test
def single_patch_flattened_channel_then_row_then_column(cls):
    # H = W = P: one patch, so only the (C, P, P) flatten order and the projection matter.
    m = build(cls, 3, 3, 2, 5, seed=20)
    x = Rand(2).randn(2, 2, 3, 3)
    out = run(m, x)
    return {"out[:, 1:] (patch tokens)": out[:, 1:]}


@test
def patches_in_row_major_order(cls):
    # A 3 x 3 grid of 2 x 2 patches: a column-major or mixed-up grid order shows.
    m = build(cls, 6, 2, 2, 4, seed=30)
    x = Rand(3).randn(2, 2, 6, 6)
    out = run(m, x)
    return {"out[:, 1:] (patch tokens)": out[:, 1:]}


@test
def non_square_image_h_differs_from_w(cls):
    # (H, W) = (8, 12), P = 4: a 2 x 3 grid, so swapping H and W changes the token order.
    m = build(cls, (8, 12), 4, 3, 6, seed=40)
    x = Rand(4).randn(2, 3, 8, 12)
    return {"out": run(m, x)}


@test
def gradients_flow_to_input_and_parameters(cls):
    m = build(cls, (4, 6), 2, 3, 5, seed=50)
    x = Rand(5).randn(2, 3, 4, 6)
    x.requires_grad_(True)
    out = run(m, x)
    backward(out, seed=51, what="the output")
    grads = {"x.grad": x.grad}
    for name in ("proj.weight", "proj.bias", "cls_token", "pos_embed"):
        grads[f"{name}.grad"] = m.get_parameter(name).grad
    return grads


@test
def image_size_not_divisible_raises_value_error(cls):
    cls((8, 12), 4, 3, 6)  # a valid module first: it must construct normally
    return {
        f"PatchEmbedding({size!r}, {p}, 3, 6)": raises(ValueError, cls, size, p, 3, 6)
        for size, p in ((10, 4), ((8, 10), 4), ((9, 8), 4))
    }


@test
def non_positive_sizes_raise_value_error(cls):
    # H and W must be *positive* multiples of a positive P: 0 % 4 == 0 and 8 % -4 == 0, so a
    # divisibility check alone lets these through (and P = 0 divides by zero).
    # Valid modules first (P = 1 and sides of 1 included): they must construct normally.
    for _size, _p in ((8, 4), ((1, 3), 1), ((3, 1), 1)):
        cls(_size, _p, 3, 6)
    return {
        f"PatchEmbedding({size!r}, {p}, 3, 6)": raises(ValueError, cls, size, p, 3, 6)
        for size, p in ((8, 0), (8, -4), (0, 4), ((8, 0), 4), ((0, 8), 4), ((-8, 8), 4))
    }
