"""Whole-bank validation: every reference passes its own tests, every starter fails them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mlkata.judge.engine import judge
from mlkata.judge.runner import JudgeError, Options
from mlkata.judge.verdict import Verdict

if TYPE_CHECKING:
    from mlkata.bank import Problem

MIN_HINTS = 2


async def validate_problem(problem: Problem, options: Options) -> list[str]:
    """What is wrong with one problem (empty when it is valid)."""
    issues: list[str] = []
    if len(problem.hints) < MIN_HINTS:
        issues.append(f"{problem.path / 'hints.md'}: {len(problem.hints)} hint(s); at least {MIN_HINTS} needed")
    if not problem.followups:
        issues.append(f"{problem.path / 'followups.md'}: no follow-up questions")
    if problem.entry_point not in problem.statement:
        issues.append(f"{problem.path / 'statement.md'}: never names the entry point `{problem.entry_point}`")
    try:
        ref = await judge(problem, problem.solution, str(problem.path / "solution.py"), options)
        starter = await judge(problem, problem.starter, str(problem.path / "starter.py"), options)
    except JudgeError as exc:
        return [*issues, str(exc)]
    for t in ref.tests:
        if not t.passed:
            issues.append(f"{problem.path / 'solution.py'}: fails {t.name}: {t.verdict.value}: {t.message}")
    for t in starter.tests:
        if t.verdict is not Verdict.NOT_IMPLEMENTED:
            issues.append(f"{problem.path / 'starter.py'}: {t.name} gives {t.verdict.value}, expected not_implemented")
    return issues


async def validate_bank(
    problems: Sequence[Problem], options: Options, echo: Callable[[str], None] = lambda s: None
) -> dict[str, list[str]]:
    """Validate each problem; returns the issues of the invalid ones by id."""
    failures = {}
    for problem in problems:
        issues = await validate_problem(problem, options)
        if issues:
            failures[problem.id] = issues
            echo(f"FAIL  {problem.id}")
            for issue in issues:
                echo(f"      {issue}")
        else:
            echo(f"ok    {problem.id}  ({len(problem.test_names)} tests)")
    return failures
