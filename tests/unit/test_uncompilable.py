"""A text the compiler rejects with something other than a SyntaxError is still a syntax error.

compile() and ast.parse() also raise RecursionError and MemoryError (deep nesting), ValueError
(a lone surrogate; null bytes before Python 3.12) and OverflowError. On the trusted side each one is
the syntax_error verdict with a message saying why, never an internal error, and no run starts.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mlkata.bank import Problem
from mlkata.judge import forbidden, locate
from mlkata.judge.engine import judge
from mlkata.judge.options import Options
from mlkata.judge.verdict import Location, Verdict
from tests.judge.conftest import make_problem

N = 100_000
TOO_DEEP = {
    "the source is nested too deeply to compile (RecursionError): split the deepest expression into smaller ones",
    "the source is nested too deeply or too large to compile (MemoryError): split the deepest expression into smaller ones",
}
"""Which of the two a shape gives depends on the Python version: both name the problem and the fix."""
PARENTHESES = {"SyntaxError: too many nested parentheses"}
NULL_BYTES = {
    "SyntaxError: source code string cannot contain null bytes",  # Python 3.11.4 and later
    "the file cannot be compiled (ValueError: source code string cannot contain null bytes)",
}
SURROGATE = {"the file cannot be compiled: character '\\ud800' cannot be encoded as UTF-8 (surrogates not allowed): remove it"}
ADD = "def add(a, b):\n    return a + b\n"

# Solutions that define `add` correctly, then add something the compiler cannot take.
SOURCES: dict[str, tuple[str, set[str]]] = {
    "nested_parentheses": (ADD + "x = " + "(" * N + ")" * N + "\n", PARENTHESES),
    "nested_lists": (ADD + "x = " + "[" * N + "]" * N + "\n", PARENTHESES),
    "a_long_sum": (ADD + "x = " + "1+" * N + "1\n", TOO_DEEP),
    "chained_calls": (ADD + "x = add" + "()" * N + "\n", TOO_DEEP),
    "chained_attributes": (ADD + "x = add" + ".b" * N + "\n", TOO_DEEP),
    "repeated_not": (ADD + "x = " + "not " * N + "1\n", TOO_DEEP),
    "repeated_minus": (ADD + "x = " + "-" * N + "1\n", TOO_DEEP),
    "nested_lambdas": (ADD + "x = " + "lambda: " * N + "1\n", TOO_DEEP),
    "a_null_byte": (ADD + "x = 1\0\n", NULL_BYTES),
}
QUICK_S = 5.0
"""Per source: each takes well under a second; the bound only says it ends (and started no run)."""


@pytest.fixture(scope="module")
def add_two(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    return make_problem(tmp_path_factory.mktemp("bank"))


def judged(problem: Problem, source: str, options: Options) -> tuple[set[Verdict], set[str], set[Location | None], float]:
    started = time.monotonic()
    report = asyncio.run(judge(problem, source, "/work/solution.py", options))
    took = time.monotonic() - started
    assert all(t.duration_ms == 0 for t in report.tests), "a test ran: the text reached a run process"
    return {t.verdict for t in report.tests}, {t.message for t in report.tests}, {t.location for t in report.tests}, took


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_an_uncompilable_text_is_a_syntax_error_verdict(add_two: Problem, options: Options, name: str) -> None:
    source, messages = SOURCES[name]
    verdicts, got, _, took = judged(add_two, source, options)
    assert verdicts == {Verdict.SYNTAX_ERROR}, f"{name}: {verdicts} {got}"
    assert len(got) == 1 and got <= messages, f"{name}: {got}, want one of {messages}"
    assert took < QUICK_S, f"{name}: judging took {took:.1f} s"


def test_nesting_too_deep_is_reported_at_the_start_of_the_file(add_two: Problem, options: Options) -> None:
    _, _, locations, _ = judged(add_two, SOURCES["a_long_sum"][0], options)
    assert locations == {Location(1, 1, 1, 1)}, "no line is to blame: the diagnostic sits at the file's start"


def test_a_lone_surrogate_is_a_syntax_error_at_its_character(add_two: Problem, options: Options) -> None:
    # Reaches the server from an editor as JSON's "\ud800"; no UTF-8 file can hold one.
    source = ADD + "x = '\ud800'\n"
    verdicts, got, locations, _ = judged(add_two, source, options)
    assert (verdicts, got, locations) == ({Verdict.SYNTAX_ERROR}, SURROGATE, {Location(3, 6, 3, 7)})


@pytest.mark.parametrize("name", ["a_long_sum", "repeated_not", "chained_calls"])
def test_the_helpers_that_parse_the_text_treat_it_as_not_parsing(name: str) -> None:
    source, _ = SOURCES[name]
    with pytest.raises(SyntaxError) as raised:
        forbidden.scan(source, ["numpy"])
    assert raised.value.msg in TOO_DEEP
    assert locate.definition(source, "add") is None
    assert locate.exit_call(source) is None


@pytest.fixture(scope="module")
def extra(add_two: Problem) -> Path:
    return add_two.path.parent


@pytest.mark.parametrize("name", ["a_long_sum", "repeated_not", "chained_calls", "a_null_byte"])
def test_mlkata_check_reports_an_uncompilable_file_as_a_syntax_error(extra: Path, tmp_path: Path, name: str) -> None:
    source, messages = SOURCES[name]
    path = tmp_path / "solution.py"
    path.write_text(source, encoding="utf-8")
    command = [sys.executable, "-m", "mlkata", "--problems", str(extra), "check", "add-two", str(path), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1, f"exit code {done.returncode}: {done.stderr}"
    report = json.loads(done.stdout)
    assert report["verdict"] == "syntax_error"
    assert {t["message"] for t in report["tests"]} <= messages
