"""The user's own examples: doctest-style lines in the solution, run with the hidden tests."""

from __future__ import annotations

import pytest

from mlkata.bank import Problem
from mlkata.judge.examples import Example, parse, same_output
from mlkata.judge.runner import Options
from mlkata.judge.verdict import Verdict

from .conftest import run

pytestmark = pytest.mark.usefixtures("no_leftovers")

SOURCE = '''\
def add(a, b):
    """Add two numbers.

    >>> add(1, 2)
    3
    >>> add(
    ...     2, 2)
    5
    """
    # >>> add(0.1, 0.2)
    # 0.3
    # >>> print("a"); add(1, 1)
    # >>> [add(i, i) for i in range(3)]
    # [0, 2, 4]
    return a + b
'''


def test_examples_are_read_from_docstrings_and_comments() -> None:
    assert parse(SOURCE) == [
        Example(4, 4, "add(1, 2)", "3"),
        Example(6, 7, "add(\n    2, 2)", "5"),
        Example(10, 10, "add(0.1, 0.2)", "0.3"),
        Example(12, 12, 'print("a"); add(1, 1)', None),
        Example(13, 13, "[add(i, i) for i in range(3)]", "[0, 2, 4]"),
    ]
    assert parse("x = '>>> not an example'\n# >>>no space after the prompt\n") == []


def test_outputs_compare_like_doctest_with_numbers_close() -> None:
    assert same_output("[0, 2,  4]", "[0, 2, 4]")
    assert same_output("0.3", "0.30000000000000004")
    assert same_output("(1.0, [2])", "(1.0000000001, [2])")
    assert not same_output("3", "4")
    assert not same_output("[1, 2]", "(1, 2)")
    assert not same_output("True", "1")


def test_examples_run_with_the_hidden_tests_and_show_their_output(add_problem: Problem, options: Options) -> None:
    report = run(add_problem, SOURCE, options)
    assert report.verdict is Verdict.PASSED  # examples never change the hidden tests' verdict
    shown = [(e.example.line, e.output, e.error, e.verdict) for e in report.examples]
    assert shown == [
        (4, "3", "", "matches"),
        (6, "4", "", "differs"),
        (10, "0.30000000000000004", "", "matches"),
        (12, "a\n2", "", "shown"),
        (13, "[0, 2, 4]", "", "matches"),
    ]
    assert report.to_json()["examples"][1] == {
        "line": 6,
        "source": "add(\n    2, 2)",
        "expected": "5",
        "output": "4",
        "error": "",
        "verdict": "differs",
    }


def test_an_example_that_raises_or_hangs_is_reported_and_the_tests_still_pass(add_problem: Problem, options: Options) -> None:
    source = "def add(a, b):\n    return a + b\n# >>> add(1, None)\n# >>> add(2, 2)\n# 4\n"
    report = run(add_problem, source, options)
    assert report.verdict is Verdict.PASSED
    assert [(e.error, e.verdict) for e in report.examples] == [
        ("TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'", "error"),
        ("", "matches"),
    ]
    hangs = "def add(a, b):\n    return a + b\n# >>> while True: pass\n# >>> add(1, 1)\n"
    report = run(add_problem, hangs, options)
    assert report.verdict is Verdict.PASSED
    assert all(e.verdict == "error" and "time limit" in e.error for e in report.examples), report.examples
