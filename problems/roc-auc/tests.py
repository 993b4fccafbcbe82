"""Hidden tests for roc-auc."""

import copy

from mlkata.judge.api import Rand, call, raises, require, same, short, test


@test
def classic_examples(auc):
    return [
        call(auc, [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]),
        call(auc, [1, 0, 1, 0, 1], [0.9, 0.2, 0.7, 0.6, 0.3]),
        call(auc, [0, 1, 1, 0, 0, 1], [0.2, 0.1, 0.8, 0.3, 0.05, 0.6]),
    ]


@test
def perfect_and_inverted_scorers(auc):
    return [
        call(auc, [0, 0, 1, 1, 1], [1.0, 2.0, 3.0, 4.0, 5.0]),
        call(auc, [1, 1, 0, 0, 0], [1.0, 2.0, 3.0, 4.0, 5.0]),
    ]


@test
def ties_across_classes_count_half(auc):
    # Every tie here pairs a positive with a negative.
    return [
        call(auc, [0, 1], [0.5, 0.5]),
        call(auc, [1, 0, 1, 0], [0.9, 0.9, 0.2, 0.1]),
        call(auc, [0, 1, 0, 1, 1, 0], [0.3, 0.3, 0.7, 0.7, 0.1, 0.3]),
    ]


@test
def ties_within_one_class(auc):
    # Tied scores inside one class only: they never change a positive-negative comparison.
    return [
        call(auc, [1, 1, 0, 0], [0.8, 0.8, 0.2, 0.2]),
        call(auc, [1, 1, 1, 0, 0], [0.5, 0.5, 0.1, 0.9, 0.3]),
    ]


@test
def all_scores_equal_gives_half(auc):
    return [
        call(auc, [0, 1, 1, 0, 1], [2.0, 2.0, 2.0, 2.0, 2.0]),
        call(auc, [1, 0, 0, 0], [0, 0, 0, 0]),
    ]


def outcome(auc, labels, scores):
    # NotImplementedError passes through, so the starter reads as not implemented.
    try:
        auc(labels, scores)
    except NotImplementedError:
        raise
    except Exception:
        pass
    return raises(ValueError, auc, labels, scores)


@test
def one_class_raises_value_error(auc):
    return {
        "only positives": outcome(auc, [1, 1, 1], [0.2, 0.5, 0.9]),
        "only negatives": outcome(auc, [0, 0], [0.3, 0.1]),
        "empty": outcome(auc, [], []),
    }


@test
def integer_and_negative_scores(auc):
    return [
        call(auc, [0, 1, 0, 1], [-3, -1, -2, 5]),
        call(auc, [1, 0, 1, 0, 0], [-0.5, -0.5, 2, -7.25, 1]),
    ]


@test
def two_examples(auc):
    return [
        call(auc, [0, 1], [0.1, 0.9]),
        call(auc, [1, 0], [0.1, 0.9]),
    ]


@test
def random_small_with_many_ties(auc):
    r = Rand(9).py
    out = []
    for _ in range(80):
        n = r.randint(2, 14)
        labels = [r.randint(0, 1) for _ in range(n)]
        labels[0], labels[1] = 0, 1  # both classes present
        scores = [r.randint(0, 4) / 4 for _ in range(n)]  # 5 distinct values: many ties
        out.append(call(auc, labels, scores))
    return out


def _unchanged(expected, got):
    same(expected["returned"], got["returned"], "roc_auc(labels, scores)")
    for name in ("labels", "scores"):
        require(
            got[f"{name} after"] == got[f"{name} before"],
            f"roc_auc modified its argument {name}: {short(got[f'{name} before'], 80)} before the call, "
            f"{short(got[f'{name} after'], 80)} after it (sort a copy or sort indices)",
        )


@test(check=_unchanged)
def inputs_not_modified(auc):
    labels = [1, 0, 0, 1, 1, 0, 1]
    scores = [0.9, 0.1, 0.8, 0.4, 0.4, 0.35, 0.7]
    labels_before, scores_before = copy.deepcopy(labels), copy.deepcopy(scores)
    returned = auc(labels, scores)
    return {
        "returned": returned,
        "labels before": labels_before,
        "labels after": labels,
        "scores before": scores_before,
        "scores after": scores,
    }


@test
def large_input_within_time_limit(auc):
    # 10^5 scores, half positive, built without sorting random data in the test.
    n = 100_000
    labels = [i % 2 for i in range(n)]
    scores = [((i * 7919) % 1000) / 1000 + (i % 2) * 0.05 for i in range(n)]
    return call(auc, labels, scores)
