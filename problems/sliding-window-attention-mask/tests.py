"""Hidden tests for sliding-window-attention-mask."""

from mlkata.judge.api import Rand, backward, close, raises, tensor, test, unpack

CALL = "sliding_window_attention(q, k, v, window)"


def qkv(seed, lead=(2,), lq=6, lk=6, d=4, dv=5):
    r = Rand(seed)
    return r.randn(*lead, lq, d), r.randn(*lead, lk, d), r.randn(*lead, lk, dv)


def attend(fn, q, k, v, window):
    out, mask = unpack(fn(q, k, v, window), 2, CALL)
    return tensor(out, "out"), tensor(mask, "mask")


@test
def square_mask_window_counts_current_token(fn):
    # L = 6, window = 3: query i sees keys i-2, i-1, i. True = may attend, dtype bool, shape (6, 6).
    _, mask = attend(fn, *qkv(1), window=3)
    return {"mask": mask}


@test
def window_one_attends_only_to_itself(fn):
    # The mask is the identity and every output row is the value of its own token.
    q, k, v = qkv(2, lq=4, lk=4)
    out, mask = attend(fn, q, k, v, window=1)
    return {"mask": mask, "out": out}


@test
def window_longer_than_sequence_is_plain_causal(fn):
    q, k, v = qkv(3, lq=5, lk=5)
    out, mask = attend(fn, q, k, v, window=10)
    return {"mask": mask, "out": out}


@test
def queries_are_the_last_positions_when_lq_lt_lk(fn):
    # 3 new queries over 8 keys (5 cached): query i is at position 5 + i and sees positions 2+i .. 5+i.
    q, k, v = qkv(4, lq=3, lk=8)
    out, mask = attend(fn, q, k, v, window=4)
    return {"mask": mask, "out": out}


@test
def output_matches_reference(fn):
    # Leading (batch, head) dims, Dv != D, window 3 over 7 tokens.
    q, k, v = qkv(5, lead=(2, 3), lq=7, lk=7, d=4, dv=6)
    out, _ = attend(fn, q, k, v, window=3)
    return {"out": out}


def _outside_ignored(expected, got):
    close(got["out_after_changing_v_outside"][:, -1], got["out"][:, -1], "output of the last query after changing keys/values 0-3, outside its window (it must not change)")
    close(got["out"], expected["out"], "out")


@test(check=_outside_ignored)
def keys_outside_window_do_not_change_output(fn):
    # Last query (position 6, window 3) sees keys 4-6 only; keys and values 0-3 are replaced.
    q, k, v = qkv(6, lq=7, lk=7)
    out, _ = attend(fn, q, k, v, window=3)
    r = Rand(61)
    k2, v2 = k.clone(), v.clone()
    k2[:, :4] = r.randn(2, 4, 4) * 3
    v2[:, :4] = r.randn(2, 4, 5) * 3
    out2, _ = attend(fn, q, k2, v2, window=3)
    return {"out": out, "out_after_changing_v_outside": out2}


@test
def gradients_flow_to_q_k_v(fn):
    q, k, v = qkv(7, lq=3, lk=5)
    for t in (q, k, v):
        t.requires_grad_(True)
    out, _ = attend(fn, q, k, v, window=2)
    backward(out, seed=71, what="out")
    return {"q.grad": q.grad, "k.grad": k.grad, "v.grad": v.grad}


@test
def invalid_window_raises_value_error(fn):
    q, k, v = qkv(8, lq=2, lk=2)
    fn(q, k, v, 1)  # a valid call first: it must return normally
    return {f"window={w}": raises(ValueError, fn, q, k, v, w) for w in (0, -2)}


@test
def no_leading_dimensions(fn):
    # q (5, 4), k (5, 4), v (5, 3): no batch or head dimension at all; out is (5, 3).
    q, k, v = qkv(9, lead=(), lq=5, lk=5, d=4, dv=3)
    out, mask = attend(fn, q, k, v, window=2)
    return {"mask": mask, "out": out}


@test
def float64_inputs_keep_their_dtype(fn):
    q, k, v = (t.double() for t in qkv(10, lq=3, lk=6))
    out, _ = attend(fn, q, k, v, window=3)
    return {"out": out}
