"""A re-run of some hidden tests judges only those; a wrong answer carries its expected and actual values."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.bank import Problem
from mlkata.judge.engine import judge
from mlkata.judge.repro import ReproError
from mlkata.judge.runner import Options
from mlkata.judge.verdict import Verdict

from .conftest import run

pytestmark = pytest.mark.usefixtures("no_leftovers")

WRONG = "def add(a, b):\n    return a - b\n"


def test_only_the_named_tests_run_in_file_order(add_problem: Problem, options: Options) -> None:
    names = ["adds_large_numbers", "adds_small_numbers"]
    report = asyncio.run(judge(add_problem, WRONG, "/work/solution.py", options, tests=names))
    assert [t.name for t in report.tests] == ["adds_small_numbers", "adds_large_numbers"]
    assert (report.passed, report.total) == (0, 2)
    assert report.tests[0].message == "add(1, 2): expected 3, got -1"


def test_an_unknown_or_empty_selection_is_named(add_problem: Problem, options: Options) -> None:
    with pytest.raises(ReproError, match="has no hidden test 'adds_small_number': did you mean 'adds_small_numbers'"):
        asyncio.run(judge(add_problem, WRONG, None, options, tests=["adds_small_number"]))
    with pytest.raises(ReproError, match="no hidden test selected"):
        asyncio.run(judge(add_problem, WRONG, None, options, tests=[]))


def test_a_wrong_answer_carries_expected_and_actual(add_problem: Problem, options: Options) -> None:
    report = run(add_problem, WRONG, options)
    first = report.tests[0]
    assert first.verdict is Verdict.WRONG_ANSWER
    assert (first.expected, first.actual) == ("3", "-1")
    data = first.to_json()
    assert (data["expected"], data["actual"]) == ("3", "-1")
    passed = run(add_problem, "def add(a, b):\n    return a + b\n", options).tests[0]
    assert passed.expected is None and "expected" not in passed.to_json(), "the report stays as it was for a pass"


def test_a_runtime_error_has_no_values(add_problem: Problem, options: Options) -> None:
    first = run(add_problem, "def add(a, b):\n    raise ValueError('no')\n", options).tests[0]
    assert first.verdict is Verdict.RUNTIME_ERROR and first.expected is None and first.actual is None


def test_a_tensor_output_is_shown_whole_and_check_json_has_it(sdpa: Problem, options: Options, tmp_path: Path) -> None:
    pytest.importorskip("torch")
    source = (Path(__file__).parents[1] / "solutions" / "scaled-dot-product-attention" / "missing_scale.py").read_text()
    report = asyncio.run(judge(sdpa, source, "/work/attn.py", options, tests=["output_matches_reference"]))
    (result,) = report.tests
    assert result.expected is not None and result.actual is not None
    head = "{\n  'out': float32 (2, 3, 6)\n  [[["
    assert result.expected.startswith(head) and result.actual.startswith(head)
    assert len(result.expected.splitlines()) == 9 and result.expected != result.actual
    if options.worker is not None:
        return  # the command line below runs cold: once is enough
    solution = tmp_path / "attn.py"
    solution.write_text(source)
    proc = subprocess.run(
        [sys.executable, "-m", "mlkata", "check", "scaled-dot-product-attention", str(solution), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    tests = {t["name"]: t for t in json.loads(proc.stdout)["tests"]}
    shown = tests["output_matches_reference"]["expected"]  # another process: the last digits may differ
    assert shown.splitlines()[:2] == result.expected.splitlines()[:2] and len(shown.splitlines()) == 9
    assert "expected" not in tests["weights_sum_to_one_over_last_axis"], "a property check has no expected value"
