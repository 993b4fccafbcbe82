"""Hidden tests for rotary-position-embedding."""

from mlkata.judge.api import Rand, backward, close, raises, same, tensor, test, unpack

CALL = "apply_rotary_pos_emb(q, k)"


def rope(fn, q, k, **kwargs):
    q_rot, k_rot = unpack(fn(q, k, **kwargs), 2, CALL)
    return tensor(q_rot, "q_rotated"), tensor(k_rot, "k_rotated")


@test
def rotate_half_layout_matches_reference(fn):
    # (B, H, L, D) = (2, 3, 5, 8): H != L, so positions taken from the wrong axis show.
    r = Rand(1)
    q, k = r.randn(2, 3, 5, 8), r.randn(2, 3, 5, 8)
    q_rot, k_rot = rope(fn, q, k)
    return {"q_rotated": q_rot, "k_rotated": k_rot}



def _inputs_unchanged(expected, got):
    for name in ("q", "k"):
        close(got[f"{name} after the call"], got[f"{name} before the call"], f"the input {name} was modified in place: {name} after the call (compared with {name} before it)")
    same(expected, got)


@test(check=_inputs_unchanged)
def inputs_are_not_modified(fn):
    # Called on the caller's tensors: q and k must hold the same values afterwards.
    r = Rand(8)
    q, k = r.randn(1, 2, 4, 6), r.randn(1, 1, 4, 6)
    q_before, k_before = q.clone(), k.clone()
    q_rot, k_rot = rope(fn, q, k, offset=3)
    return {"q after the call": q, "q before the call": q_before, "k after the call": k, "k before the call": k_before}

@test
def k_with_fewer_heads_than_q(fn):
    # Grouped-query layout: 4 query heads, 2 key heads; D = 6 (half = 3).
    r = Rand(2)
    q, k = r.randn(1, 4, 3, 6), r.randn(1, 2, 3, 6)
    q_rot, k_rot = rope(fn, q, k)
    return {"q_rotated": q_rot, "k_rotated": k_rot}


def _offset_continues(expected, got):
    close(got["tail_with_offset_7"], got["full[..., 7:, :]"], "q rotated with offset=7 (compared with positions 7-9 of one call on all 10 tokens)")
    same(expected, got)


@test(check=_offset_continues)
def offset_continues_positions(fn):
    # With a KV cache the new tokens sit at positions offset, offset + 1, ...
    r = Rand(3)
    q, k = r.randn(1, 2, 10, 8), r.randn(1, 2, 10, 8)
    q_full, _ = rope(fn, q, k)
    q_tail, k_tail = rope(fn, q[..., 7:, :], k[..., 7:, :], offset=7)
    return {"full[..., 7:, :]": q_full[..., 7:, :], "tail_with_offset_7": q_tail, "k_tail": k_tail}


def _relative(expected, got):
    close(got["scores_offset_5"], got["scores_offset_0"], "q_rot @ k_rot^T with offset=5 (compared with offset=0)")
    same(expected, got)


@test(check=_relative)
def scores_depend_only_on_relative_position(fn):
    # Shifting every position by the same amount must not change any attention score.
    r = Rand(4)
    q, k = r.randn(2, 2, 4, 8), r.randn(2, 2, 4, 8)
    q0, k0 = rope(fn, q, k)
    q5, k5 = rope(fn, q, k, offset=5)
    return {"scores_offset_0": q0 @ k0.transpose(-2, -1), "scores_offset_5": q5 @ k5.transpose(-2, -1)}


@test
def custom_base_is_used(fn):
    r = Rand(5)
    q, k = r.randn(1, 2, 6, 8), r.randn(1, 2, 6, 8)
    q_rot, k_rot = rope(fn, q, k, base=100.0)
    return {"q_rotated": q_rot, "k_rotated": k_rot}


@test
def gradients_flow_to_q_and_k(fn):
    r = Rand(6)
    q, k = r.randn(2, 2, 3, 4).requires_grad_(True), r.randn(2, 1, 3, 4).requires_grad_(True)
    q_rot, k_rot = rope(fn, q, k, offset=2)
    backward(q_rot @ k_rot.transpose(-2, -1), seed=61, what="q_rotated @ k_rotated^T")
    return {"q.grad": q.grad, "k.grad": k.grad}


@test
def odd_head_dim_raises_value_error(fn):
    r = Rand(7)
    fn(r.randn(1, 1, 2, 4), r.randn(1, 1, 2, 4))  # a valid call first: it must return normally
    return {"D = 5": raises(ValueError, fn, r.randn(1, 1, 2, 5), r.randn(1, 1, 2, 5))}


@test
def keeps_float64_dtype(fn):
    # The outputs keep the inputs' dtype: float64 in, float64 out.
    r = Rand(9)
    q, k = r.randn(2, 2, 3, 4).double(), r.randn(2, 1, 3, 4).double()
    q_rot, k_rot = rope(fn, q, k, offset=1)
    return {"q_rotated": q_rot, "k_rotated": k_rot}
