"""Hidden tests for repetition-penalty."""

import torch

from mlkata.judge.api import Fail, Rand, raises, same, tensor, test

CALL = "apply_repetition_penalty(logits, input_ids, penalty)"


def run(fn, logits, input_ids, penalty):
    return tensor(fn(logits, input_ids, penalty), CALL)


@test
def positive_logits_are_divided(fn):
    # Every logit is positive: the tokens in the history get logit / penalty.
    logits = Rand(1).rand(2, 8, low=0.5, high=3.0)
    ids = torch.tensor([[1, 4, 6], [6, 1, 4]])
    return {"out": run(fn, logits, ids, 1.5)}


@test
def negative_logits_are_multiplied(fn):
    # Every logit is negative: dividing would move them towards 0 and reward repetition.
    logits = Rand(2).rand(2, 8, low=-3.0, high=-0.5)
    ids = torch.tensor([[3, 5, 0], [0, 3, 5]])
    return {"out": run(fn, logits, ids, 1.5)}


def _rows_independent(expected, got):
    e, g = expected["out"], got["out"]
    if torch.is_tensor(g) and g.shape == e.shape:
        for row in range(e.shape[0]):
            changed_e = (e[row] != expected["logits"][row]).nonzero().flatten().tolist()
            changed_g = (g[row] != got["logits"][row]).nonzero().flatten().tolist()
            if changed_g != changed_e:
                raise Fail(
                    f"row {row}: expected to penalise exactly the tokens of its own history {changed_e}, "
                    f"changed {changed_g}"
                )
    same(e, g, "out")


@test(check=_rows_independent)
def rows_use_their_own_history(fn):
    # Disjoint histories per row: a token seen only in row 0 must stay untouched in row 1.
    logits = Rand(5).randn(3, 12, scale=2.0)
    ids = torch.tensor([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]])
    out = run(fn, logits.clone(), ids, 1.7)
    return {"out": out, "logits": logits}


@test
def mixed_signs_match_reference(fn):
    # Distinct ids within each row; repeats are the next test's subject.
    logits = Rand(3).randn(3, 10, scale=2.0)
    py = Rand(30).py
    ids = torch.tensor([py.sample(range(10), 4) for _ in range(3)])
    return {"out": run(fn, logits, ids, 1.3)}


@test
def repeated_tokens_are_penalised_once(fn):
    # Token 2 appears three times in row 0 and token 5 twice in row 1: still one division / multiplication.
    logits = Rand(4).randn(2, 7, scale=2.0)
    logits[0, 2], logits[1, 5] = 2.4, -1.8
    ids = torch.tensor([[2, 2, 4, 2, 0], [5, 1, 5, 3, 6]])
    return {"out": run(fn, logits, ids, 2.0)}


@test
def penalty_below_one_rewards_repetition(fn):
    # penalty = 0.5: positive logits of seen tokens double, negative ones halve.
    logits = Rand(6).randn(2, 9, scale=2.0)
    ids = Rand(60).randint(0, 9, 2, 5)
    return {"out": run(fn, logits, ids, 0.5)}


@test
def input_is_not_modified(fn):
    logits = Rand(7).randn(2, 6)
    ids = torch.tensor([[0, 3, 3], [5, 1, 0]])
    out = run(fn, logits, ids, 1.2)
    shares = out.untyped_storage().data_ptr() == logits.untyped_storage().data_ptr()
    return {"logits after the call": logits, "out is a new tensor (not logits or a view of it)": not shares}


@test
def penalty_one_changes_nothing(fn):
    # penalty = 1.0 leaves every value as it is, and the result is still a new tensor.
    logits = Rand(9).randn(2, 6)
    ids = torch.tensor([[0, 3, 3], [5, 1, 0]])
    out = run(fn, logits, ids, 1.0)
    shares = out.untyped_storage().data_ptr() == logits.untyped_storage().data_ptr()
    return {"out": out, "out is a new tensor (not logits or a view of it)": not shares}


@test
def single_token_history(fn):
    # T = 1, the shortest history: one token per row.
    logits = Rand(10).randn(3, 5, scale=2.0)
    ids = torch.tensor([[4], [0], [4]])
    return {"out": run(fn, logits, ids, 1.8)}


@test
def invalid_penalty_raises_value_error(fn):
    logits = Rand(8).randn(2, 5)
    ids = torch.tensor([[0, 1], [2, 3]])
    run(fn, logits, ids, 1.1)  # a valid call first
    return {f"penalty={p}": raises(ValueError, fn, logits, ids, p) for p in (0.0, -1.2)}
