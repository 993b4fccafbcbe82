"""Hidden tests for llava-mlp-projector."""

from torch import nn

from mlkata.judge.api import Rand, backward, raises, set_param, tensor, test, unpack

IMG = 7  # the <image> placeholder id in these tests


def build(cls, vision_dim, text_dim, seed):
    """The projector with both linears set from Rand(seed)."""
    m = cls(vision_dim, text_dim)
    r = Rand(seed)
    set_param(m, "linear_1.weight", r.randn(text_dim, vision_dim, scale=1.5 * vision_dim**-0.5))
    set_param(m, "linear_1.bias", r.randn(text_dim, scale=0.5))
    set_param(m, "linear_2.weight", r.randn(text_dim, text_dim, scale=text_dim**-0.5))
    set_param(m, "linear_2.bias", r.randn(text_dim, scale=0.3))
    return m


def make_ids(seed, length, placements):
    """(B, L) long ids in [10, 50) with the placeholder IMG at placements[b] (a list of positions)."""
    ids = Rand(seed).randint(10, 50, len(placements), length)
    for b, positions in enumerate(placements):
        for pos in positions:
            ids[b, pos] = IMG
    return ids


def merged(m, ids, embeds, images):
    result = m.merge(ids, embeds, images, IMG)
    out, mask = unpack(result, 2, "merge(input_ids, inputs_embeds, image_features, image_token_id)")
    return {"embeds": tensor(out, "embeds"), "attention_mask": tensor(mask, "attention_mask")}


@test
def projector_mlp_matches_reference(cls):
    # vision_dim = 6 != text_dim = 10; inputs spread enough that the tanh GELU differs.
    m = build(cls, 6, 10, seed=10)
    feats = Rand(1).randn(2, 5, 6, scale=1.5)
    return {"projector(image_features)": tensor(m(feats), "the output of forward")}


@test
def projector_accepts_any_leading_dims(cls):
    # (..., vision_dim) -> (..., text_dim): no leading dim (a single feature), one, and three.
    m = build(cls, 6, 4, seed=11)
    r = Rand(12)
    return {
        f"projector(image_features {tuple(_x.shape)})": tensor(m(_x), "the output of forward")
        for _x in (r.randn(6), r.randn(5, 6), r.randn(2, 3, 2, 6))
    }


@test
def submodules_named_like_llava(cls):
    # linear_1, act and linear_2, the names of Hugging Face's LlavaMultiModalProjector.
    m = cls(5, 4)
    return {
        "linear_1 is an nn.Linear": isinstance(getattr(m, "linear_1", None), nn.Linear),
        "act is an nn.GELU": isinstance(getattr(m, "act", None), nn.GELU),
        "linear_2 is an nn.Linear": isinstance(getattr(m, "linear_2", None), nn.Linear),
    }


@test
def one_image_replaces_its_placeholder(cls):
    # One row, placeholder in the middle: L = 6 -> 6 - 1 + 3 = 8 tokens.
    m = build(cls, 6, 4, seed=20)
    r = Rand(2)
    ids = make_ids(21, 6, [[2]])
    return merged(m, ids, r.randn(1, 6, 4), r.randn(1, 3, 6))


@test
def placeholder_first_and_last_in_row(cls):
    # Row 0 starts with the placeholder, row 1 ends with it: no off-by-one at the ends.
    m = build(cls, 5, 4, seed=30)
    r = Rand(3)
    ids = make_ids(31, 5, [[0], [4]])
    return merged(m, ids, r.randn(2, 5, 4), r.randn(2, 3, 5))


@test
def several_images_used_in_reading_order(cls):
    # Two placeholders per row (so no padding): images 0, 1 go to row 0 and images 2, 3 to row 1.
    m = build(cls, 5, 4, seed=40)
    r = Rand(4)
    ids = make_ids(41, 7, [[1, 4], [0, 5]])
    return merged(m, ids, r.randn(2, 7, 4), r.randn(4, 2, 5))


@test
def rows_without_image_are_right_padded(cls):
    # Row 1 has no image, so it is shorter and padded on the right with zeros / False.
    m = build(cls, 5, 4, seed=50)
    r = Rand(5)
    ids = make_ids(51, 5, [[1], [], [3]])
    return merged(m, ids, r.randn(3, 5, 4), r.randn(2, 4, 5))


@test
def placeholder_count_mismatch_raises_value_error(cls):
    m = build(cls, 5, 4, seed=60)
    r = Rand(6)
    ids = make_ids(61, 5, [[1], [2, 4]])  # three placeholders
    embeds = r.randn(2, 5, 4)
    m.merge(ids, embeds, r.randn(3, 2, 5), IMG)  # the matching call must work
    return {
        f"merge with {n} images for 3 placeholders": raises(ValueError, m.merge, ids, embeds, r.randn(n, 2, 5), IMG)
        for n in (2, 4)
    }


@test
def gradients_flow_to_text_images_and_projector(cls):
    m = build(cls, 5, 4, seed=70)
    r = Rand(7)
    ids = make_ids(71, 5, [[2], [0, 3]])
    embeds, images = r.randn(2, 5, 4), r.randn(3, 2, 5)
    embeds.requires_grad_(True)
    images.requires_grad_(True)
    out = merged(m, ids, embeds, images)["embeds"]
    backward(out, seed=72, what="embeds")
    grads = {"inputs_embeds.grad": embeds.grad, "image_features.grad": images.grad}
    for name in ("linear_1.weight", "linear_1.bias", "linear_2.weight", "linear_2.bias"):
        grads[f"{name}.grad"] = m.get_parameter(name).grad
    return grads


@test
def embeds_keep_float64_dtype(cls):
    # embeds keeps the dtype of inputs_embeds: a float64 projector, text and images give float64.
    m = build(cls, 5, 4, seed=80).double()
    r = Rand(8)
    ids = make_ids(81, 5, [[1], []])
    return merged(m, ids, r.randn(2, 5, 4).double(), r.randn(1, 3, 5).double())
