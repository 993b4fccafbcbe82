"""Messages of the comparison helpers, and the wire format's round trip."""

from __future__ import annotations

import math

import pytest
import torch

from mlkata.judge import wire
from mlkata.judge.api import Fail, same, sums_to_one, zero_where_masked


def message(expected, got, **kw) -> str:
    with pytest.raises(Fail) as info:
        same(expected, got, **kw)
    return info.value.message


def test_tensor_value_mismatch_names_the_worst_element() -> None:
    e = torch.zeros(2, 3)
    g = e.clone()
    g[1, 2] = 0.5
    g[0, 0] = 0.1
    assert message({"out": e}, {"out": g}) == (
        "out: max abs error 0.5 at (1, 2): expected 0, got 0.5; 2 of 6 values outside atol=1e-05, rtol=0.0001"
    )


def test_tensor_shape_and_dtype_mismatches() -> None:
    assert message({"w": torch.zeros(2, 3)}, {"w": torch.zeros(3, 2)}) == "w: expected shape (2, 3), got (3, 2)"
    assert message({"w": torch.zeros(2)}, {"w": torch.zeros(2, dtype=torch.float64)}) == "w: expected dtype float32, got float64"
    assert message({"w": torch.zeros(2)}, {"w": None}) == "w: expected a tensor of shape (2,) (float32), got None"


def test_nan_is_reported_where_it_appears() -> None:
    g = torch.zeros(2, 2)
    g[1, 0] = math.nan
    assert message({"w": torch.zeros(2, 2)}, {"w": g}) == "w: got NaN at (1, 0) (1 NaN values); expected 0"


def test_tolerance_is_respected() -> None:
    same({"x": torch.tensor([1.0])}, {"x": torch.tensor([1.0 + 5e-5])})
    same({"x": torch.tensor([1.0])}, {"x": torch.tensor([1.0 + 5e-4])}, atol=1e-3)
    with pytest.raises(Fail):
        same({"x": torch.tensor([1.0])}, {"x": torch.tensor([1.0 + 5e-4])})


def test_scalar_tensor_message() -> None:
    assert message(torch.tensor(1.5), torch.tensor(2.0)) == "result: expected 1.5, got 2 (atol=1e-05, rtol=0.0001)"


def test_python_values() -> None:
    assert message({"call": "f(1)", "returned": 3}, {"call": "f(1)", "returned": 2}) == "f(1): expected 3, got 2"
    assert message({"call": "f(1)", "returned": 3}, {"call": "f(1)", "returned": "3"}).startswith(
        "f(1): expected the int 3, got a str"
    )
    assert message([1, 2], [1, 2, 3]) == "result: expected 2 items, got 3"
    assert message([[1.0, 2.0]], [[1.0, 2.5]]) == "result[0][1]: expected 2, got 2.5 (atol=1e-05, rtol=0.0001)"
    same(2.0, 2)  # an int where a float is expected is fine
    assert message(3, True) == "result: expected the int 3, got a bool (True)"


def test_rows_sum_to_one() -> None:
    sums_to_one(torch.softmax(torch.randn(2, 3, 4), dim=-1))
    w = torch.softmax(torch.randn(2, 3, 4), dim=-2)
    with pytest.raises(Fail, match=r"weights don't sum to 1 over the last axis \(row \(0, 0\) sums to"):
        sums_to_one(w)


def test_masked_weight_is_named() -> None:
    w = torch.full((1, 2, 2), 0.5)
    allowed = torch.tensor([[True, False], [True, True]])
    with pytest.raises(Fail, match=r"a masked position received weight: weights\[0, 0, 1\] = 0.5"):
        zero_where_masked(w, allowed)


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        3,
        -(2**70),
        1.5,
        math.inf,
        "héllo",
        [1, (2, 3)],
        {"a": {1: [2.0]}},
        {1, 2},
        torch.arange(6, dtype=torch.float32).reshape(2, 3),
        torch.tensor(2.5),
        torch.zeros(0, 3),
        torch.tensor([True, False]),
        torch.ones(2, dtype=torch.bfloat16),
        torch.ones(2, 2).t(),
    ],
)
def test_wire_round_trip(value) -> None:
    import json

    back = wire.decode(json.loads(json.dumps(wire.encode(value))))
    if isinstance(value, torch.Tensor):
        assert type(back) is torch.Tensor and back.dtype == value.dtype and torch.equal(back, value)
    else:
        assert back == value and type(back) is type(value)


def test_wire_keeps_no_user_objects() -> None:
    class Mine:
        def __repr__(self) -> str:
            return "mine!"

    back = wire.decode(wire.encode({"x": Mine()}))
    assert back["x"] == wire.Opaque(f"{__name__}.test_wire_keeps_no_user_objects.<locals>.Mine", "mine!")


def test_wire_rejects_bad_tensor_data() -> None:
    bad = {"$tensor": {"dtype": "float32", "shape": [4], "data": "AAAA"}}
    with pytest.raises(wire.WireError, match="needs 16"):
        wire.decode(bad)
    with pytest.raises(wire.WireError, match="unsupported dtype"):
        wire.decode({"$tensor": {"dtype": "object", "shape": [1], "data": ""}})


def details(expected, got, **kw) -> list[str]:
    with pytest.raises(Fail) as info:
        same(expected, got, **kw)
    return info.value.details


def test_a_tensor_mismatch_details_the_first_mismatch_and_the_largest_errors() -> None:
    e = torch.tensor([[1.0, 2.0, 4.0], [1.0, 1.0, 1.0]])
    g = e.clone()
    g[0, 1] = 2.5  # first in index order, abs 0.5, rel 0.25
    g[1, 2] = 3.0  # largest: abs 2, rel 2
    assert details({"out": e}, {"out": g}) == [
        "out: first mismatch at (0, 1): expected 2, got 2.5",
        "out: max abs error 2, max rel error 2",
        "out expected: [[1, 2, 4], [1, 1, 1]]",
        "out got: [[1, 2.5, 4], [1, 1, 3]]",
    ]


def test_a_large_tensor_is_not_shown_in_full() -> None:
    e = torch.zeros(10, 10)
    g = e.clone()
    g[3, 4] = 1.0
    lines = details({"out": e}, {"out": g})
    assert lines[0] == "out: first mismatch at (3, 4): expected 0, got 1"
    assert len(lines) == 2


def test_a_wrong_call_details_the_call_expected_and_got() -> None:
    expected = [{"call": "lcs('abcde', 'ace')", "returned": 3}]
    got = [{"call": "lcs('abcde', 'ace')", "returned": 2}]
    assert details(expected, got) == ["call: lcs('abcde', 'ace')", "expected: 3", "got: 2"]


def test_a_wrong_float_details_abs_and_rel_error() -> None:
    assert details(2.0, 2.5) == ["result: expected 2, got 2.5", "abs error 0.5, rel error 0.25"]


def test_input_summaries_show_small_values_in_full_and_large_ones_by_statistics() -> None:
    from mlkata.judge.compare import summary

    assert summary(torch.tensor([[1.0, -0.5]])) == "float32 (1, 2) = [[1, -0.5]]"
    big = torch.arange(100, dtype=torch.float32).reshape(4, 25)
    assert summary(big).startswith("float32 (4, 25), mean 49.5, std 29.0115, min 0, max 99")
    assert summary(torch.ones(5, 6, dtype=torch.bool)) == "bool (5, 6), 30 of 30 True"
    assert summary("abc") == "'abc'"
    assert summary(list(range(100))).startswith("a list of 100: [0, 1, 2")


def test_a_type_takes_its_article() -> None:
    from mlkata.judge.compare import describe

    assert (describe(3), describe(2.5), describe(object())) == ("an int (3)", "a float (2.5)", "an object")
