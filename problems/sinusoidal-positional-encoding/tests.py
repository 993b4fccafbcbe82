"""Hidden tests for sinusoidal-positional-encoding."""

from mlkata.judge.api import raises, same, tensor, test

CALL = "sinusoidal_positional_encoding"


def table(fn, seq_len, d_model, **kwargs):
    return tensor(fn(seq_len, d_model, **kwargs), f"{CALL}({seq_len}, {d_model})")


@test
def position_zero_row_alternates_zero_one(fn):
    # sin(0) = 0 in the even columns, cos(0) = 1 in the odd ones: shows the layout at a glance.
    return {"pe[0] for d_model=8": table(fn, 3, 8)[0]}


@test
def table_matches_reference(fn):
    return {"pe": table(fn, 6, 8)}


@test
def frequency_exponent_is_2i_over_d_model(fn):
    # A wide table at a few positions: an exponent of i/d or (column index)/d shows in every pair but the first.
    return {"pe": table(fn, 4, 32)}


@test(atol=1e-4)
def long_table(fn):
    # Angles up to 63 rad: float32 loses a few digits there, hence atol=1e-4 (see the statement).
    return {"pe": table(fn, 64, 16)}


@test
def custom_base_is_used(fn):
    return {"pe": table(fn, 5, 6, base=100.0)}


@test
def single_pair_and_empty_table(fn):
    return {"pe(3, 2)": table(fn, 3, 2), "pe(0, 4)": table(fn, 0, 4)}


@test
def invalid_d_model_raises_value_error(fn):
    fn(2, 4)  # a valid call first: it must return normally
    cases = {f"{CALL}({l}, {d})": raises(ValueError, fn, l, d) for l, d in ((4, 5), (4, 1), (4, 0), (4, -2))}
    cases[f"{CALL}(-1, 4)"] = raises(ValueError, fn, -1, 4)
    return cases


@test
def table_is_a_constant(fn):
    # No gradients are involved: the table is a plain tensor that does not require grad.
    return {"pe.requires_grad": bool(table(fn, 3, 4).requires_grad)}
