"""Whole-bank validation, judged in one batch session.

For every problem: its texts are complete, the reference passes every test, the starter is
``not_implemented`` on every test, every declared mistake is rejected and named, and every golden
solution (``<solutions>/<id>/*.py``) gets the verdict and first failing test its first line states.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from mlkata.bank.rules import rule_issues
from mlkata.bank.statement_limits import limits_issue
from mlkata.judge.options import JudgeError

if TYPE_CHECKING:
    from mlkata.bank import Problem
    from mlkata.judge.batch import Batch
    from mlkata.judge.verdict import Report

MIN_HINTS = 2
EXPECT = re.compile(r"^# expect: (?P<verdict>[a-z_]+)(?: (?P<test>[A-Za-z0-9_]+))?\s*$")


@attrs.frozen
class Expect:
    """What the judge must say of one file."""

    verdict: str | None
    """The report's overall verdict; None: anything but passed."""
    first_failing: str | None = None
    """The name of the first failing test, when one must fail."""
    every_test: bool = False
    """Every test, not only the report, has ``verdict`` (a starter: not_implemented on every test)."""
    explanation: str | None = None
    """A failing test's message must start with this (a declared mistake's explanation)."""


def golden_expectation(path: Path) -> Expect:
    """A golden file's expectation, from its first line ``# expect: <verdict> [<first failing test>]``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines[0] if lines else ""
    match = EXPECT.match(first)
    if not match:
        raise ValueError(f"{path}: first line must be '# expect: <verdict> [<first failing test>]', got {first!r}")
    if match["verdict"] != "passed" and match["test"] is None:
        raise ValueError(f"{path}: name the first failing test after the verdict {match['verdict']}")
    if match["verdict"] == "passed" and match["test"] is not None:
        raise ValueError(f"{path}: a passing solution names no failing test")
    return Expect(match["verdict"], match["test"])


def golden_files(solutions: Path, problem_id: str | None = None) -> list[Path]:
    """The golden solution files under ``solutions`` (of one problem, or of all)."""
    return sorted(solutions.glob(f"{problem_id or '*'}/*.py"))


def mismatches(report: Report, expect: Expect) -> list[str]:
    """How ``report`` differs from ``expect`` (empty when it is as expected)."""
    failing = [t for t in report.tests if not t.passed]
    found: list[str] = []
    if expect.verdict is None:
        if not failing:
            found.append("passed every test; it must be rejected")
    elif expect.every_test:
        wrong = [t for t in report.tests if t.verdict.value != expect.verdict]
        found.extend(f"{t.name} gives {t.verdict.value}, expected {expect.verdict}" for t in wrong)
    elif report.verdict.value != expect.verdict:
        found.append(f"verdict {report.verdict.value}, expected {expect.verdict}")
    if expect.first_failing is not None and failing:
        first = failing[0]
        if first.name != expect.first_failing:
            found.append(f"first failing test {first.name}, expected {expect.first_failing}")
        elif first.location is None or not first.message:
            found.append(f"{first.name} fails without a location and a message")
    if expect.explanation is not None and failing and not any(t.message.startswith(expect.explanation) for t in failing):
        found.append(f"no failing test is explained as {expect.explanation!r}")
    return found


@attrs.frozen
class Judged:
    """One file judged during validation."""

    path: str
    issues: tuple[str, ...]
    seconds: float


@attrs.frozen
class ProblemResult:
    """The validation of one problem."""

    problem: str
    issues: tuple[str, ...]
    """Everything wrong with it (its texts, and each judged file that was not as expected)."""
    files: tuple[Judged, ...]
    seconds: float
    """Time its runs took, added up (they overlap with other problems' runs)."""

    @property
    def valid(self) -> bool:
        return not self.issues


def text_issues(problem: Problem) -> list[str]:
    """What is missing from a problem's texts, and what is wrong with its rule map (``rules.toml``)."""
    issues: list[str] = []
    if len(problem.hints) < MIN_HINTS:
        issues.append(f"{problem.path / 'hints.md'}: {len(problem.hints)} hint(s); at least {MIN_HINTS} needed")
    if not problem.followups:
        issues.append(f"{problem.path / 'followups.md'}: no follow-up questions")
    if problem.entry_point not in problem.statement:
        issues.append(f"{problem.path / 'statement.md'}: never names the entry point `{problem.entry_point}`")
    issues += rule_issues(problem.path, problem.rules, problem.test_names)
    statements = [(problem.path / "statement.md", problem.statement)]
    statements += [(path, path.read_text(encoding="utf-8")) for path in sorted(problem.path.glob("statement.*.md"))]
    for path, text in statements[1:]:  # translations (statement.zh-cn.md): the same entry point and limits
        if problem.entry_point not in text:
            issues.append(f"{path}: never names the entry point `{problem.entry_point}`")
    limits = [limits_issue(path, text, problem.limits) for path, text in statements]
    return issues + [issue for issue in limits if issue]


def bank_files(problem: Problem, solutions: Path | None) -> list[tuple[str, str, Expect]]:
    """(path, source, expectation) of every file validation judges for a problem, the reference first."""
    files = [
        (str(problem.path / "solution.py"), problem.solution, Expect("passed")),
        (str(problem.path / "starter.py"), problem.starter, Expect("not_implemented", every_test=True)),
    ]
    for mistake in problem.mistakes:
        files.append(
            (str(problem.path / "mistakes" / f"{mistake.name}.py"), mistake.source, Expect(None, explanation=mistake.explanation))
        )
    for path in golden_files(solutions, problem.id) if solutions is not None else []:
        files.append((str(path), path.read_text(encoding="utf-8"), golden_expectation(path)))
    return files


def judge_changes(expect: Expect) -> dict[str, bool]:
    """Option changes for judging a file with this expectation: one that must run out of time stops
    at its first time limit (what is checked, the verdict and first failing test, stays the same)."""
    return {"stop_at_time_limit": True} if expect.verdict == "time_limit" else {}


async def _judge_file(batch: Batch, problem: Problem, path: str, source: str, expect: Expect) -> Judged:
    try:
        report, seconds = await batch.timed(problem, source, path, **judge_changes(expect))
    except JudgeError as exc:
        return Judged(path, (str(exc),), 0.0)
    return Judged(path, tuple(f"{path}: {m}" for m in mismatches(report, expect)), seconds)


async def validate_problem(problem: Problem, batch: Batch, solutions: Path | None = None) -> ProblemResult:
    """Validate one problem: its texts, then its reference (first: every other run needs its outputs), then the rest."""
    issues = text_issues(problem)
    try:
        files = bank_files(problem, solutions)
    except (OSError, ValueError) as exc:
        return ProblemResult(problem.id, (*issues, str(exc)), (), 0.0)
    reference = await _judge_file(batch, problem, *files[0])
    if reference.issues:
        return ProblemResult(problem.id, (*issues, *reference.issues), (reference,), reference.seconds)
    # Files that must time out first, for the same reason as in validate_bank.
    rest_files = sorted(files[1:], key=lambda f: f[2].verdict != "time_limit")
    rest = await asyncio.gather(*(_judge_file(batch, problem, *f) for f in rest_files))
    judged = (reference, *rest)
    found = [*issues, *(issue for j in judged for issue in j.issues)]
    return ProblemResult(problem.id, tuple(found), judged, sum(j.seconds for j in judged))


def progress_line(result: ProblemResult, width: int = 40) -> str:
    """One problem's line: ok or FAIL, files judged, time; then each issue indented."""
    good = sum(1 for j in result.files if not j.issues)
    files = f"{good}/{len(result.files)}"
    head = f"{'ok' if result.valid else 'FAIL':<4}  {result.problem:<{width}}  {files:>7} files  {result.seconds:6.1f} s"
    return "\n".join([head, *(f"      {issue}" for issue in result.issues)])


async def validate_bank(
    problems: Sequence[Problem], batch: Batch, solutions: Path | None = None, echo: Callable[[str], None] = lambda s: None
) -> list[ProblemResult]:
    """Validate every problem in one batch session; ``echo`` gets each problem's line as it finishes."""

    width = max((len(p.id) for p in problems), default=0)

    async def one(problem: Problem) -> ProblemResult:
        result = await validate_problem(problem, batch, solutions)
        echo(progress_line(result, width))
        return result

    # Longest first: files expected to run out of time hold a slot for seconds, and would otherwise
    # end the session with one slot busy and the others idle.
    order = sorted(problems, key=lambda p: _expected_seconds(p, solutions), reverse=True)
    done = {r.problem: r for r in await asyncio.gather(*(one(p) for p in order))}
    return [done[p.id] for p in problems]


def _expected_seconds(problem: Problem, solutions: Path | None) -> float:
    """Seconds a problem's files that must time out hold a slot at least: one test limit each (they stop there)."""
    try:
        files = bank_files(problem, solutions)
    except (OSError, ValueError):
        return 0.0  # reported by validate_problem
    return sum(expect.verdict == "time_limit" for _, _, expect in files) * problem.limits.test_time_ms / 1000


def summary(results: Sequence[ProblemResult], wall_s: float, jobs: int, slowest: int = 5) -> str:
    """The table printed after the progress lines."""
    files = [j for r in results for j in r.files]
    good = sum(1 for j in files if not j.issues)
    valid = sum(1 for r in results if r.valid)
    top = sorted(results, key=lambda r: r.seconds, reverse=True)[:slowest]
    rows = [
        ("problems", f"{valid}/{len(results)} valid"),
        ("files", f"{good}/{len(files)} judged as expected"),
        ("time", f"{wall_s:.1f} s wall, {sum(j.seconds for j in files):.1f} s of runs, {jobs} at a time"),
        ("slowest", ", ".join(f"{r.problem} {r.seconds:.1f} s" for r in top)),
    ]
    return "\n".join(f"{name:<9} {value}" for name, value in rows)
