"""What validation and the golden-solution tests count as 'as expected'."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata.bank.validate import Expect, Judged, ProblemResult, golden_expectation, mismatches, progress_line, summary
from mlkata.judge import verdict as verdicts  # its TestResult is no pytest class to collect
from mlkata.judge.verdict import Location, Report, Verdict

HERE = Location(3, 5, 3, 9)
PASS = ("a", Verdict.PASSED, "")
WRONG_B = ("b", Verdict.WRONG_ANSWER, "missing the 1/sqrt(d_k) scale [expected 1, got 2]")
TODO = ("a", Verdict.NOT_IMPLEMENTED, "not implemented yet")


def report(*tests: tuple[str, Verdict, str]) -> Report:
    return Report("p", tuple(verdicts.TestResult(name, v, msg, None if v is Verdict.PASSED else HERE) for name, v, msg in tests))


def test_a_passing_expectation() -> None:
    assert mismatches(report(PASS), Expect("passed")) == []
    assert mismatches(report(PASS, WRONG_B), Expect("passed")) == ["verdict wrong_answer, expected passed"]


def test_the_first_failing_test_is_named() -> None:
    got = report(PASS, WRONG_B, ("c", Verdict.WRONG_ANSWER, "x"))
    assert mismatches(got, Expect("wrong_answer", "b")) == []
    assert mismatches(got, Expect("wrong_answer", "c")) == ["first failing test b, expected c"]
    assert mismatches(got, Expect("time_limit", "b")) == ["verdict wrong_answer, expected time_limit"]


def test_a_failure_needs_a_location_and_a_message() -> None:
    silent = Report("p", (verdicts.TestResult("b", Verdict.WRONG_ANSWER, "", None),))
    assert mismatches(silent, Expect("wrong_answer", "b")) == ["b fails without a location and a message"]


def test_every_test_means_every_test() -> None:
    expect = Expect("not_implemented", every_test=True)
    assert mismatches(report(TODO, ("b", Verdict.NOT_IMPLEMENTED, "todo")), expect) == []
    assert mismatches(report(TODO, ("b", Verdict.PASSED, "")), expect) == ["b gives passed, expected not_implemented"]


def test_a_declared_mistake_must_be_rejected_and_named() -> None:
    expect = Expect(None, explanation="missing the 1/sqrt(d_k) scale")
    assert mismatches(report(PASS, WRONG_B), expect) == []
    assert mismatches(report(PASS), expect) == ["passed every test; it must be rejected"]
    plain = report(PASS, ("b", Verdict.WRONG_ANSWER, "expected 1, got 2"))
    assert mismatches(plain, expect) == ["no failing test is explained as 'missing the 1/sqrt(d_k) scale'"]


@pytest.mark.parametrize(
    ("first_line", "error"),
    [
        ("# expect: wrong_answer", "name the first failing test after the verdict wrong_answer"),
        ("# expect: passed some_test", "a passing solution names no failing test"),
        ("import torch", "first line must be '# expect: <verdict> [<first failing test>]'"),
    ],
)
def test_a_malformed_golden_file_is_named(tmp_path: Path, first_line: str, error: str) -> None:
    path = tmp_path / "x.py"
    path.write_text(f"{first_line}\ndef f():\n    pass\n")
    with pytest.raises(ValueError, match=str(path)) as raised:
        golden_expectation(path)
    assert error in str(raised.value)


def test_golden_expectations_parse() -> None:
    root = Path(__file__).resolve().parents[1] / "solutions" / "scaled-dot-product-attention"
    assert golden_expectation(root / "missing_scale.py") == Expect("wrong_answer", "output_matches_reference")


def test_progress_line_and_summary() -> None:
    good = ProblemResult("layer-norm", (), (Judged("a.py", (), 0.5), Judged("b.py", (), 1.0)), 1.5)
    bad = ProblemResult("bm25", ("b.py: verdict passed, expected time_limit",), (Judged("b.py", ("x",), 3.0),), 3.0)
    assert progress_line(good).split() == ["ok", "layer-norm", "2/2", "files", "1.5", "s"]
    assert progress_line(bad).splitlines()[1] == "      b.py: verdict passed, expected time_limit"
    table = summary([good, bad], 2.0, 2, slowest=1).splitlines()
    assert table == [
        "problems  1/2 valid",
        "files     2/3 judged as expected",
        "time      2.0 s wall, 4.5 s of runs, 2 at a time",
        "slowest   bm25 3.0 s",
    ]
