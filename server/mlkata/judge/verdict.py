"""Result types of a judged run, and their JSON form."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from mlkata.judge.examples import ExampleResult


class Verdict(enum.StrEnum):
    """Outcome of one hidden test (and of a whole run: its first failing test's)."""

    PASSED = "passed"
    WRONG_ANSWER = "wrong_answer"
    RUNTIME_ERROR = "runtime_error"
    TIME_LIMIT = "time_limit"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    FORBIDDEN_API = "forbidden_api"
    SYNTAX_ERROR = "syntax_error"
    NOT_IMPLEMENTED = "not_implemented"


@attrs.frozen
class Location:
    """A range in the user's file: lines and columns start at 1; columns count characters."""

    line: int
    """First line of the range."""
    column: int
    """First column (1-based, in characters) of the range."""
    end_line: int
    """Last line of the range."""
    end_column: int
    """Column just past the range's end (1-based, in characters)."""


@attrs.frozen
class TestResult:
    """The outcome of one hidden test."""

    name: str
    """The test's stable identifier (its function name in the hidden tests)."""
    verdict: Verdict
    """What happened."""
    message: str = ""
    """Why it failed, in one or two sentences; empty when it passed."""
    location: Location | None = None
    """Where in the user's file the failure points; None when it passed."""
    duration_ms: float = 0.0
    """Time spent in the test's drive part."""
    stdout: str = ""
    """The start of what the solution printed during this test."""
    details: tuple[str, ...] = ()
    """Lines about the failing case: its inputs, expected and got at the first mismatch, errors."""
    expected: str | None = None
    """A wrong answer's expected value as readable text (:mod:`mlkata.judge.readable`), for an
    expected/actual diff; None when the compared values have no readable form."""
    actual: str | None = None
    """The solution's value, shown the same way as ``expected`` (None exactly when it is)."""

    @property
    def passed(self) -> bool:
        """True when the verdict is passed."""
        return self.verdict is Verdict.PASSED

    def to_json(self) -> dict[str, Any]:
        """The test in the ``mlkata check --json`` format (``expected`` and ``actual`` only when there are such values)."""
        loc = self.location
        values = {"expected": self.expected, "actual": self.actual} if self.expected is not None else {}
        return {
            "name": self.name,
            "verdict": self.verdict.value,
            "message": self.message,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "end_line": loc.end_line if loc else None,
            "end_column": loc.end_column if loc else None,
            "duration_ms": round(self.duration_ms, 3),
            "details": list(self.details),
        } | values


@attrs.frozen
class Report:
    """The outcome of judging one source text against one problem."""

    problem: str
    """The problem's id."""
    tests: tuple[TestResult, ...]
    """One result per hidden test, in file order."""
    examples: tuple[ExampleResult, ...] = ()
    """The user's own examples (``>>>`` lines in the file), in file order."""
    sandbox: dict[str, Any] = attrs.field(factory=dict, eq=False)
    """What confined the run's judged processes: per kernel mechanism, whether it was on and why not
    (:func:`mlkata.judge.child.sandbox.probe`); empty when no judged process ran."""

    @property
    def passed(self) -> int:
        """How many tests passed."""
        return sum(1 for t in self.tests if t.passed)

    @property
    def total(self) -> int:
        """How many tests there are."""
        return len(self.tests)

    @property
    def verdict(self) -> Verdict:
        """``passed`` when every test passed, else the first failing test's verdict."""
        for t in self.tests:
            if not t.passed:
                return t.verdict
        return Verdict.PASSED

    def to_json(self) -> dict[str, Any]:
        """The report in the ``mlkata check --json`` format."""
        return {
            "problem": self.problem,
            "verdict": self.verdict.value,
            "passed": self.passed,
            "total": self.total,
            "tests": [t.to_json() for t in self.tests],
            "examples": [e.to_json() for e in self.examples],
            "sandbox": self.sandbox,
        }
