"""Hidden tests for top-k-top-p-filter."""

import math

import torch

from mlkata.judge.api import Fail, Rand, raises, require, same, tensor, test


def logits_for(seed, b, v, scale=1.0):
    return Rand(seed).randn(b, v, scale=scale)


def run(fn, logits, **kwargs):
    out = fn(logits, **kwargs)
    return tensor(out, "top_k_top_p_filter(logits, ...)")


def _kept_set_matches(expected, got):
    e, g = expected["out"], got["out"]
    if torch.is_tensor(g) and g.shape == e.shape:
        e_kept, g_kept = torch.isfinite(e), torch.isfinite(g)
        for row in range(e.shape[0]):
            ek = e_kept[row].nonzero().flatten().tolist()
            gk = g_kept[row].nonzero().flatten().tolist()
            if ek != gk:
                raise Fail(
                    f"row {row}: expected to keep the tokens {ek}, kept {gk} "
                    f"({expected['why']})"
                )
    same(e, g, "out")


@test
def top_k_keeps_the_k_largest(fn):
    logits = logits_for(1, 4, 10)
    return {"out": run(fn, logits, top_k=3)}


@test(check=_kept_set_matches)
def top_p_keeps_the_boundary_token(fn):
    # Probabilities 0.40, 0.30, 0.15, 0.08, 0.05, 0.02 in a shuffled order; top_p = 0.6.
    # 0.40 < 0.6 <= 0.40 + 0.30, so the nucleus is {0.40, 0.30}: the token that crosses top_p stays.
    probs = torch.tensor([[0.05, 0.30, 0.02, 0.40, 0.08, 0.15]])
    logits = probs.log() + 1.3
    why = "top_p=0.6 on probabilities [0.05, 0.30, 0.02, 0.40, 0.08, 0.15]: 0.40 alone is below 0.6, 0.40 + 0.30 reaches it"
    return {"out": run(fn, logits, top_p=0.6), "why": why}


@test
def top_p_keeps_the_smallest_nucleus(fn):
    logits = logits_for(3, 1, 16)
    return {"out": run(fn, logits, top_p=0.7)}


@test
def tiny_top_p_keeps_only_the_argmax(fn):
    logits = logits_for(4, 3, 8)
    return {"out": run(fn, logits, top_p=1e-6)}


@test(check=_kept_set_matches)
def top_p_uses_renormalised_probabilities_after_top_k(fn):
    # With top_k=5 the survivors' softmax is renormalised: fewer of them are needed to reach
    # top_p than with the probabilities of the full vocabulary.
    logits = logits_for(5, 1, 12)
    why = "top_k=5 first, then top_p=0.75 on the softmax of the 5 survivors (renormalised)"
    return {"out": run(fn, logits, top_k=5, top_p=0.75), "why": why}


@test
def rows_are_filtered_independently(fn):
    # Rows with different temperatures: their nuclei have different sizes.
    logits = logits_for(6, 4, 10) * torch.tensor([[0.3], [1.0], [2.0], [4.0]])
    return {"top_k=4": run(fn, logits.clone(), top_k=4), "top_p=0.8": run(fn, logits.clone(), top_p=0.8)}


def _shares_memory(a, b):
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()


@test
def input_is_not_modified(fn):
    logits = logits_for(7, 2, 9)
    out = run(fn, logits, top_k=4, top_p=0.6)
    return {
        "logits after the call": logits,
        "out": out,
        "out is a new tensor (not logits or a view of it)": not _shares_memory(out, logits),
    }




@test
def top_k_one_keeps_only_the_argmax(fn):
    logits = logits_for(13, 3, 7)
    return {"out": run(fn, logits, top_k=1)}

@test
def top_k_equal_to_vocab_filters_nothing(fn):
    # top_k = V keeps the whole vocabulary, the smallest logit of each row included.
    logits = logits_for(11, 3, 6)
    return {"top_k=6": run(fn, logits, top_k=6)}

@test
def top_k_larger_than_vocab_filters_nothing(fn):
    logits = logits_for(8, 2, 6)
    return {"top_k=7": run(fn, logits.clone(), top_k=7), "top_k=100": run(fn, logits.clone(), top_k=100)}


@test
def disabled_filters_nothing_and_returns_a_new_tensor(fn):
    logits = logits_for(9, 3, 7)
    out = run(fn, logits)
    other = logits.clone()
    explicit = run(fn, other, top_k=0, top_p=1.0)
    return {
        "top_k_top_p_filter(logits)": out,
        "top_k_top_p_filter(logits, top_k=0, top_p=1.0)": explicit,
        "the result is a new tensor (not logits or a view of it)": not _shares_memory(out, logits)
        and not _shares_memory(explicit, other),
    }


@test
def invalid_arguments_raise_value_error(fn):
    logits = logits_for(10, 2, 5)
    run(fn, logits, top_k=2, top_p=0.9)  # a valid call first (and a starter stays not_implemented)
    return {
        "top_k=-1": raises(ValueError, fn, logits, top_k=-1),
        "top_p=0.0": raises(ValueError, fn, logits, top_p=0.0),
        "top_p=-0.5": raises(ValueError, fn, logits, top_p=-0.5),
        "top_p=1.5": raises(ValueError, fn, logits, top_p=1.5),
    }


@test(check=_kept_set_matches)
def top_p_one_keeps_every_token(fn):
    # top_p = 1.0 disables top-p. Row 1 has one dominant token (probability 1 - 1e-13, which is
    # 1.0 in float32): a cumulative sum compared with 1.0 would wrongly drop all the others.
    logits = logits_for(12, 3, 8)
    logits[1, 2] += 30.0
    why = "top_p=1.0 disables top-p: every token is kept, however small its probability"
    return {"out": run(fn, logits, top_p=1.0), "why": why}
