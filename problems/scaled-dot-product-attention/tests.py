"""Hidden tests for scaled-dot-product-attention."""

from mlkata.judge.api import Rand, backward, same, sums_to_one, test, tensor, unpack, zero_where_masked

CALL = "scaled_dot_product_attention(q, k, v)"


def qkv(seed, lead=(2,), lq=3, lk=5, dk=4, dv=6):
    r = Rand(seed)
    return r.randn(*lead, lq, dk), r.randn(*lead, lk, dk), r.randn(*lead, lk, dv)


def attend(sdpa, q, k, v, mask=None):
    result = sdpa(q, k, v) if mask is None else sdpa(q, k, v, mask)
    out, weights = unpack(result, 2, CALL)
    return tensor(out, "out"), tensor(weights, "weights")


@test
def output_matches_reference(sdpa):
    q, k, v = qkv(1)
    out, _ = attend(sdpa, q, k, v)
    return {"out": out}


@test
def weights_match_reference(sdpa):
    q, k, v = qkv(2)
    _, weights = attend(sdpa, q, k, v)
    return {"weights": weights}


def _rows_sum_to_one(expected, got):
    sums_to_one(got["weights"], "weights")


@test(check=_rows_sum_to_one)
def weights_sum_to_one_over_last_axis(sdpa):
    q, k, v = qkv(3, lq=4, lk=7)
    _, weights = attend(sdpa, q, k, v)
    return {"weights": weights}


@test
def scale_uses_key_dimension(sdpa):
    # Dk = 16 and Dv = 3 so scaling by sqrt(Dv) or by Lk gives different numbers.
    q, k, v = qkv(4, lq=2, lk=6, dk=16, dv=3)
    out, weights = attend(sdpa, q, k, v)
    return {"weights": weights, "out": out}


@test
def extra_leading_dimensions(sdpa):
    q, k, v = qkv(5, lead=(2, 3), lq=4, lk=2, dk=5, dv=7)
    out, weights = attend(sdpa, q, k, v)
    return {"out": out, "weights": weights}


def _mask_respected(expected, got):
    zero_where_masked(got["weights"], got["mask"], "weights")
    same(expected["weights"], got["weights"], "weights")
    same(expected["out"], got["out"], "out")


@test(check=_mask_respected)
def masked_keys_get_zero_weight(sdpa):
    q, k, v = qkv(6, lq=4, lk=6)
    mask = Rand(60).mask(2, 4, 6, p=0.5)
    out, weights = attend(sdpa, q, k, v, mask)
    return {"mask": mask, "out": out, "weights": weights}


@test
def mask_broadcasts_over_queries(sdpa):
    # A key-padding mask of shape (B, 1, Lk): True = real token.
    q, k, v = qkv(7, lq=3, lk=5)
    mask = Rand(70).mask(2, 1, 5, p=0.6)
    out, weights = attend(sdpa, q, k, v, mask)
    return {"out": out, "weights": weights}


@test
def gradients_flow_to_q_k_v(sdpa):
    q, k, v = qkv(8, lq=3, lk=4, dk=4, dv=2)
    for t in (q, k, v):
        t.requires_grad_(True)
    mask = Rand(80).mask(2, 3, 4, p=0.7)
    out, _ = attend(sdpa, q, k, v, mask)
    backward(out, seed=81, what="out")
    return {"q.grad": q.grad, "k.grad": k.grad, "v.grad": v.grad}


@test
def outputs_keep_input_dtype(sdpa):
    # float64 inputs (the tests' one exception to float32): out and weights are float64 too.
    q, k, v = (t.double() for t in qkv(9, lq=3, lk=4, dk=4, dv=2))
    mask = Rand(90).mask(2, 3, 4, p=0.7)
    out, weights = attend(sdpa, q, k, v, mask)
    return {"out": out, "weights": weights}
