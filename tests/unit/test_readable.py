"""Readable expected/actual values for the Testing view's diff, and the comparisons that attach them."""

from __future__ import annotations

import pytest

from mlkata.judge.compare import Fail, close, same, sums_to_one
from mlkata.judge.readable import MAX_CHARS, readable


def failure(expected: object, got: object) -> Fail:
    with pytest.raises(Fail) as caught:
        same(expected, got)
    return caught.value


def test_numbers_strings_and_short_containers_are_one_line() -> None:
    assert readable(3) == "3"
    assert readable(0.123456789) == "0.123457"
    assert readable(None) == "None"
    assert readable([1, 2, 3]) == "[1, 2, 3]"
    assert readable((1,)) == "(1,)"
    assert readable({"b": 1, "a": [1.5, 2]}) == "{'b': 1, 'a': [1.5, 2]}"
    assert readable({3, 1, 2}) == "{1, 2, 3}"
    assert readable("two\nlines") == "two\nlines", "a string is shown as itself"


def test_long_lists_of_numbers_fill_lines_and_calls_get_one_line_each() -> None:
    text = readable(list(range(60)))
    assert text is not None and text.startswith("[0, 1, 2,") and text.endswith("58, 59]")
    assert all(len(line) <= 100 for line in text.splitlines()) and len(text.splitlines()) == 3
    calls = [{"call": "lcs('ab', 'b')", "returned": 1}, {"call": "lcs('', 'a')", "returned": 0}]
    assert readable(calls) == "[\n  lcs('ab', 'b') -> 1,\n  lcs('', 'a') -> 0,\n]"


def test_a_small_tensor_is_printed_one_row_per_line() -> None:
    torch = pytest.importorskip("torch")
    text = readable(torch.arange(8.0).reshape(2, 2, 2) / 4)
    assert text == "float32 (2, 2, 2)\n[[[0, 0.25],\n  [0.5, 0.75]],\n [[1, 1.25],\n  [1.5, 1.75]]]"
    assert readable(torch.tensor(2)) == "int64 () = 2"


def test_values_without_a_readable_form_have_none() -> None:
    torch = pytest.importorskip("torch")
    assert readable(torch.zeros(300)) is None, "a large tensor is summarised in the details instead"
    assert readable(list(range(5000))) is None
    assert readable(["x" * 3000, "y" * 3000]) is None, f"more than {MAX_CHARS} characters"
    assert readable(object()) is None


def test_a_mismatch_carries_the_largest_enclosing_readable_values() -> None:
    fail = failure({"a": [1, 2, 3], "b": "same"}, {"a": [1, 2, 4], "b": "same"})
    assert fail.message == "a[2]: expected 3, got 4"
    assert (fail.expected, fail.actual) == ("{'a': [1, 2, 3], 'b': 'same'}", "{'a': [1, 2, 4], 'b': 'same'}")
    # Too large as a whole: the innermost values that differ.
    fail = failure(list(range(5000)), [*range(4999), 0])
    assert (fail.expected, fail.actual) == ("4999", "0")


def test_a_calls_values_are_what_it_returned() -> None:
    fail = failure({"call": "f(1)", "returned": [[1, 2], [3]]}, {"call": "f(1)", "returned": [[1, 2], [4]]})
    assert (fail.expected, fail.actual) == ("[[1, 2], [3]]", "[[1, 2], [4]]")


def test_a_wrong_type_is_described_on_the_actual_side() -> None:
    torch = pytest.importorskip("torch")
    fail = failure({"out": [1.0, 2.0]}, {"out": torch.zeros(500)})
    assert fail.expected == "[1, 2]", "the value that differs: its container's actual side has no readable form"
    assert fail.actual == "a tensor of shape (500,) (float32)"


def test_close_attaches_values_and_checks_without_values_have_none() -> None:
    torch = pytest.importorskip("torch")
    with pytest.raises(Fail) as caught:
        close(torch.tensor([1.0, 2.5]), torch.tensor([1.0, 2.0]), "out")
    assert (caught.value.expected, caught.value.actual) == ("float32 (2,)\n[1, 2]", "float32 (2,)\n[1, 2.5]")
    with pytest.raises(Fail) as caught:
        sums_to_one(torch.ones(2, 2))
    assert caught.value.expected is None and caught.value.actual is None, "a property check has no expected value"
