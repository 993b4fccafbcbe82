"""Hidden tests for qformer-attention-masks."""

import torch

from mlkata.judge.api import require, same, tensor, test, unpack

CALL = "qformer_attention_masks(num_queries, text_mask)"


def right_padded(*lengths, t):
    """(B, T) bool text mask with the given number of real tokens per row."""
    return torch.arange(t)[None, :] < torch.tensor(lengths)[:, None]


def masks(fn, num_queries, text_mask):
    itc, itm, itg = unpack(fn(num_queries, text_mask), 3, CALL)
    return tensor(itc, "itc"), tensor(itm, "itm"), tensor(itg, "itg")


@test
def itm_is_bidirectional(fn):
    # No padding: every position attends to every position.
    text_mask = right_padded(4, 4, t=4)
    _, itm, _ = masks(fn, 3, text_mask)
    return {"itm": itm}


@test
def itc_keeps_queries_and_text_apart(fn):
    text_mask = right_padded(5, 5, t=5)
    itc, _, _ = masks(fn, 3, text_mask)
    return {"itc": itc}


@test
def itg_queries_never_see_text(fn):
    # Only the block (query rows, text columns) is compared: it must be all False.
    text_mask = right_padded(4, t=4)
    _, _, itg = masks(fn, 3, text_mask)
    return {"itg[:, queries, text]": itg[:, :3, 3:]}


@test
def itg_text_sees_all_queries_and_earlier_text(fn):
    text_mask = right_padded(5, t=5)
    _, _, itg = masks(fn, 3, text_mask)
    return {"itg rows of the text": itg[:, 3:]}


@test
def itg_queries_attend_each_other_bidirectionally(fn):
    # Q = 4 > 1: a lower-triangular mask over the whole sequence makes the queries causal too.
    text_mask = right_padded(2, t=2)
    _, _, itg = masks(fn, 4, text_mask)
    return {"itg": itg}


@test
def padded_text_is_never_attended_to(fn):
    # Rows of 5, 2 and 1 real tokens of T = 5: the padded columns are False in all three masks.
    # Only those columns are compared here (all False); the rows of padding are the next test's.
    text_mask = right_padded(5, 2, 1, t=5)
    padded = ~text_mask  # taken before the call, whatever the call does to text_mask
    itc, itm, itg = masks(fn, 2, text_mask)
    return {
        f"{name} columns of the padded tokens": m[:, :, 2:].transpose(1, 2)[padded]
        for name, m in (("itc", itc), ("itm", itm), ("itg", itg))
    }


def _rows_of_padding(expected, got):
    for key in ("itc", "itm", "itg"):
        require(not bool((~got[key].any(dim=-1)).any()), f"{key}: a row allows no key at all (padding was blocked as a row, or the causal rule dropped the diagonal)")
        same(expected[key], got[key], key)


@test(check=_rows_of_padding)
def padded_rows_follow_their_position(fn):
    # Only the columns of padding are blocked: a padded row keeps its position's pattern.
    text_mask = right_padded(2, 4, t=4)
    itc, itm, itg = masks(fn, 2, text_mask)
    return {"itc": itc, "itm": itm, "itg": itg}


@test
def padding_anywhere_in_the_text(fn):
    # Not only right padding: holes in the middle of the text are blocked the same way.
    text_mask = torch.tensor([[True, False, True, True, False], [True, True, False, False, True]])
    itc, itm, itg = masks(fn, 2, text_mask)
    return {"itc": itc, "itm": itm, "itg": itg}


@test
def integer_text_mask(fn):
    # The tokenizer's int64 0/1 mask: ~mask on it is bitwise (-1, -2), not a logical not.
    text_mask = right_padded(3, 5, 1, t=5).long()
    itc, itm, itg = masks(fn, 3, text_mask)
    return {"itc": itc, "itm": itm, "itg": itg}


@test
def one_query_one_token(fn):
    # Q = 1 and T = 1, the smallest inputs.
    itc, itm, itg = masks(fn, 1, torch.tensor([[True]]))
    return {"itc": itc, "itm": itm, "itg": itg}


@test
def text_mask_is_not_modified(fn):
    text_mask = right_padded(3, 1, t=4)
    original = text_mask.clone()
    _, _, itg = masks(fn, 2, text_mask)
    int_mask = right_padded(2, 4, t=4).long()
    int_original = int_mask.clone()
    masks(fn, 2, int_mask)
    return {
        "text_mask after the call": text_mask,
        "text_mask before the call": original,
        "int64 text_mask after the call": int_mask,
        "int64 text_mask before the call": int_original,
        "itg": itg,
    }
